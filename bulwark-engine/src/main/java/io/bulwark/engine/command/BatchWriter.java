package io.bulwark.engine.command;

import io.bulwark.engine.api.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes groups of row changes of one kind and table as JDBC batches, at most {@link #MAX_BATCH}
 * rows per {@code executeBatch}, and turns an update or delete that matched no row into a {@link
 * ConflictException} (optimistic locking).
 */
final class BatchWriter {

  static final int MAX_BATCH = 500;

  private final Connection connection;

  BatchWriter(Connection connection) {
    this.connection = connection;
  }

  void write(Iterable<List<RowChange<?>>> groups) throws SQLException {
    for (List<RowChange<?>> group : groups) {
      writeGroup(group);
    }
  }

  private void writeGroup(List<RowChange<?>> group) throws SQLException {
    RowChange<?> first = group.get(0);
    TableStatements statements = TableStatements.of(first.writer());
    String sql;
    if (first instanceof RowChange.Insert<?>) {
      sql = statements.insertSql();
    } else if (first instanceof RowChange.Update<?>) {
      sql = statements.updateSql();
    } else {
      sql = statements.deleteSql();
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int from = 0; from < group.size(); from += MAX_BATCH) {
        List<RowChange<?>> chunk = group.subList(from, Math.min(group.size(), from + MAX_BATCH));
        for (RowChange<?> change : chunk) {
          bind(statement, change);
          statement.addBatch();
        }
        verify(chunk, statement.executeBatch());
      }
    }
  }

  private static void verify(List<RowChange<?>> chunk, int[] counts) {
    for (int i = 0; i < chunk.size(); i++) {
      RowChange<?> change = chunk.get(i);
      if (change instanceof RowChange.Insert<?>) {
        continue;
      }
      int count = i < counts.length ? counts[i] : Statement.SUCCESS_NO_INFO;
      if (count == Statement.SUCCESS_NO_INFO) {
        throw new IllegalStateException(
            "the JDBC driver reports no update counts; optimistic locking cannot be verified");
      }
      if (count != 1) {
        throw new ConflictException(
            "row "
                + change.id()
                + " of "
                + change.writer().table()
                + " was changed or removed by another transaction");
      }
    }
  }

  private static void bind(PreparedStatement statement, RowChange<?> change) throws SQLException {
    if (change instanceof RowChange.Insert<?> insert) {
      bindInsert(statement, insert);
    } else if (change instanceof RowChange.Update<?> update) {
      bindUpdate(statement, update);
    } else if (change instanceof RowChange.Delete<?> delete) {
      statement.setString(1, delete.id());
      if (delete.expectedRev() != RowChange.UNVERSIONED) {
        statement.setLong(2, delete.expectedRev());
      }
    }
  }

  private static <R> void bindInsert(PreparedStatement statement, RowChange.Insert<R> insert)
      throws SQLException {
    RowWriter<R> writer = insert.writer();
    int index = 1;
    statement.setString(index++, writer.id(insert.row()));
    index = bindValues(statement, index, writer, insert.row());
    if (writer.versioning() == Versioning.OPTIMISTIC) {
      statement.setLong(index, 1L);
    }
  }

  private static <R> void bindUpdate(PreparedStatement statement, RowChange.Update<R> update)
      throws SQLException {
    RowWriter<R> writer = update.writer();
    int index = bindValues(statement, 1, writer, update.row());
    statement.setString(index++, writer.id(update.row()));
    if (update.expectedRev() != RowChange.UNVERSIONED) {
      statement.setLong(index, update.expectedRev());
    }
  }

  private static <R> int bindValues(
      PreparedStatement statement, int start, RowWriter<R> writer, R row) throws SQLException {
    List<Object> values = writer.values(row);
    if (values.size() != writer.columns().size()) {
      throw new IllegalStateException(
          writer.table()
              + " writer gave "
              + values.size()
              + " values for "
              + writer.columns().size()
              + " columns");
    }
    int index = start;
    for (Object value : values) {
      SqlValues.bind(statement, index++, value);
    }
    return index;
  }
}

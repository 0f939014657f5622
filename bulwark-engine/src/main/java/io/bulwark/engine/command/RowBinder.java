package io.bulwark.engine.command;

import io.bulwark.engine.api.ConflictException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL and the parameters of one {@link RowChange}, bound from a given parameter index so that
 * one statement may carry several changes (E5: only parameters, SQL from {@link TableStatements}).
 */
final class RowBinder {

  private RowBinder() {}

  /** The statement that writes {@code change}. */
  static String sql(RowChange<?> change) {
    TableStatements statements = change.writer().statements();
    if (change instanceof RowChange.Insert<?>) {
      return statements.insertSql();
    } else if (change instanceof RowChange.Update<?>) {
      return statements.updateSql();
    }
    return statements.deleteSql();
  }

  /** Binds {@code change} from parameter {@code start}; returns the next free index. */
  static int bind(PreparedStatement statement, int start, RowChange<?> change) throws SQLException {
    if (change instanceof RowChange.Insert<?> insert) {
      return bindInsert(statement, start, insert);
    } else if (change instanceof RowChange.Update<?> update) {
      return bindUpdate(statement, start, update);
    }
    int index = start;
    statement.setString(index++, change.id());
    long expectedRev = ((RowChange.Delete<?>) change).expectedRev();
    if (expectedRev != RowChange.UNVERSIONED) {
      statement.setLong(index++, expectedRev);
    }
    return index;
  }

  /**
   * Checks the update count of one change: an update or delete that matched no row lost an
   * optimistic lock.
   */
  static void verify(RowChange<?> change, int count) {
    if (change instanceof RowChange.Insert<?>) {
      return;
    }
    if (count == java.sql.Statement.SUCCESS_NO_INFO || count < 0) {
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

  private static <R> int bindInsert(
      PreparedStatement statement, int start, RowChange.Insert<R> insert) throws SQLException {
    RowWriter<R> writer = insert.writer();
    int index = start;
    statement.setString(index++, writer.id(insert.row()));
    index = bindValues(statement, index, writer, insert.row());
    if (writer.versioning() == Versioning.OPTIMISTIC) {
      statement.setLong(index++, 1L);
    }
    return index;
  }

  private static <R> int bindUpdate(
      PreparedStatement statement, int start, RowChange.Update<R> update) throws SQLException {
    RowWriter<R> writer = update.writer();
    int index = bindValues(statement, start, writer, update.row());
    statement.setString(index++, writer.id(update.row()));
    if (update.expectedRev() != RowChange.UNVERSIONED) {
      statement.setLong(index++, update.expectedRev());
    }
    return index;
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

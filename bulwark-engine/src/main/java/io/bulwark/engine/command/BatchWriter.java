package io.bulwark.engine.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes groups of row changes of one kind and table as JDBC batches, at most {@link #MAX_BATCH}
 * rows per {@code executeBatch}, and turns an update or delete that matched no row into a {@link
 * io.bulwark.engine.api.ConflictException} (optimistic locking). One round trip per group: used
 * where the driver cannot run several statements at once (H2).
 */
final class BatchWriter implements FlushWriter {

  static final int MAX_BATCH = 500;

  @Override
  public void write(
      Connection connection, List<List<RowChange<?>>> groups, List<BulkStatement> bulk)
      throws SQLException {
    for (List<RowChange<?>> group : groups) {
      writeGroup(connection, group);
    }
    for (BulkStatement delete : bulk) {
      try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
        for (int i = 0; i < delete.values().size(); i++) {
          statement.setString(i + 1, delete.values().get(i));
        }
        statement.executeUpdate();
      }
    }
  }

  private static void writeGroup(Connection connection, List<RowChange<?>> group)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(RowBinder.sql(group.get(0)))) {
      for (int from = 0; from < group.size(); from += MAX_BATCH) {
        List<RowChange<?>> chunk = group.subList(from, Math.min(group.size(), from + MAX_BATCH));
        for (RowChange<?> change : chunk) {
          RowBinder.bind(statement, 1, change);
          statement.addBatch();
        }
        int[] counts = statement.executeBatch();
        for (int i = 0; i < chunk.size(); i++) {
          RowBinder.verify(chunk.get(i), i < counts.length ? counts[i] : Statement.SUCCESS_NO_INFO);
        }
      }
    }
  }
}

package io.bulwark.engine.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How a {@link UnitOfWork} reaches the database; chosen once per engine by {@link #of}. */
interface FlushWriter {

  /**
   * Writes the groups (each one kind of change on one table, in order), then the bulk deletes, and
   * throws {@link io.bulwark.engine.api.ConflictException} when an update or delete of a row lost
   * its optimistic lock.
   */
  void write(Connection connection, List<List<RowChange<?>>> groups, List<BulkStatement> bulk)
      throws SQLException;

  /** {@link #write}, then commits the transaction. */
  default void writeAndCommit(
      Connection connection, List<List<RowChange<?>>> groups, List<BulkStatement> bulk)
      throws SQLException {
    write(connection, groups, bulk);
    connection.commit();
  }

  /**
   * PostgreSQL's driver runs a prepared statement of several statements in one round trip; H2 and
   * others get one JDBC batch per group.
   */
  static FlushWriter of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgresql")
        ? new MultiStatementWriter()
        : new BatchWriter();
  }
}

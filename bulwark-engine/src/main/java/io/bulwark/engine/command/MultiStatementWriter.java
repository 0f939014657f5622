package io.bulwark.engine.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Writes a unit of work on PostgreSQL in one round trip per {@link #MAX_STATEMENTS} statements: one
 * prepared statement of {@code ;}-separated statements from {@link TableStatements} (E5: every
 * value a parameter), which PgJDBC sends as several Parse/Bind/Execute messages and one Sync. The
 * new rows of one table go in one multi-row {@code INSERT} (up to {@link #MAX_ROWS} rows), since
 * each statement costs PostgreSQL an executor start-up and the driver a Bind message. The update
 * count of each update and delete is read in order, so that one that matched no row still fails
 * with {@link io.bulwark.engine.api.ConflictException} naming its table and id.
 *
 * <p>A unit that only inserts rows (and bulk-deletes, whose counts are not checked), such as a
 * process instance start, also commits in that round trip, since there is no update count to verify
 * before committing. When the command sent nothing before its writes (no read, so the driver has
 * not begun a transaction) and they fit in one message, the message goes in auto-commit mode:
 * PostgreSQL runs everything before the message's Sync as one implicit transaction and commits it
 * there, so the driver sends no {@code BEGIN} (a simple query of its own, whose answer PostgreSQL
 * flushes in a network packet of its own) and no {@code COMMIT}. Otherwise {@code COMMIT} ends the
 * last message. Either way an insert that fails aborts the transaction, PostgreSQL skips the rest
 * of the message, and nothing is written. Units with updates or deletes commit after their counts
 * are read.
 */
final class MultiStatementWriter implements FlushWriter {

  /** Statements per round trip; bounds the SQL text and the parameters of one message. */
  static final int MAX_STATEMENTS = 100;

  /** Rows per multi-row insert, at most; far below PostgreSQL's 65,535 parameters a statement. */
  static final int MAX_ROWS = 100;

  /** New rows of one table, written by one {@code INSERT … VALUES (…), (…)}. */
  private record Inserts(List<RowChange<?>> rows) {

    String sql() {
      return rows.get(0).writer().statements().insertSql(rows.size());
    }
  }

  @Override
  public void write(
      Connection connection, List<List<RowChange<?>>> groups, List<BulkStatement> bulk)
      throws SQLException {
    write(connection, items(groups, bulk), false);
  }

  @Override
  public void writeAndCommit(
      Connection connection, List<List<RowChange<?>>> groups, List<BulkStatement> bulk)
      throws SQLException {
    List<Object> items = items(groups, bulk);
    boolean insertsOnly =
        items.stream()
            .allMatch(
                i ->
                    i instanceof BulkStatement
                        || i instanceof Inserts
                        || i instanceof RowChange.Insert<?>);
    if (insertsOnly && !items.isEmpty() && items.size() <= MAX_STATEMENTS && notBegun(connection)) {
      writeInImplicitTransaction(connection, items);
      return;
    }
    write(connection, items, insertsOnly);
    // After a COMMIT in the message the driver knows the transaction ended and sends nothing.
    connection.commit();
  }

  /**
   * Whether the driver has sent nothing in this transaction yet (so no {@code BEGIN} either); false
   * when a wrapper hides the driver's connection.
   */
  private static boolean notBegun(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(BaseConnection.class)) {
      return false;
    }
    Class<?> driverConnection = BaseConnection.class;
    return connection.unwrap(driverConnection) instanceof BaseConnection pg
        && pg.getTransactionState() == TransactionState.IDLE;
  }

  /**
   * One message in auto-commit mode: PostgreSQL commits it at its Sync, or rolls all of it back.
   * The connection is back in manual-commit mode afterwards, either way, with no transaction open.
   */
  private static void writeInImplicitTransaction(Connection connection, List<Object> items)
      throws SQLException {
    connection.setAutoCommit(true);
    try {
      writeChunk(connection, items, false);
    } finally {
      connection.setAutoCommit(false);
    }
  }

  /**
   * The statements to send, in order: a group of inserts (one table) as multi-row inserts, each
   * update and delete alone, then the bulk deletes.
   */
  private static List<Object> items(List<List<RowChange<?>>> groups, List<BulkStatement> bulk) {
    List<Object> items = new ArrayList<>();
    for (List<RowChange<?>> group : groups) {
      if (group.size() > 1 && group.get(0) instanceof RowChange.Insert<?>) {
        for (int from = 0; from < group.size(); from += MAX_ROWS) {
          items.add(new Inserts(group.subList(from, Math.min(group.size(), from + MAX_ROWS))));
        }
      } else {
        items.addAll(group);
      }
    }
    items.addAll(bulk);
    return items;
  }

  private static void write(Connection connection, List<Object> items, boolean commit)
      throws SQLException {
    for (int from = 0; from < items.size(); from += MAX_STATEMENTS) {
      int to = Math.min(items.size(), from + MAX_STATEMENTS);
      writeChunk(connection, items.subList(from, to), commit && to == items.size());
    }
  }

  /**
   * Items are {@link RowChange}s, {@link Inserts} and {@link BulkStatement}s; {@code commit} ends
   * the message with {@code COMMIT}.
   */
  private static void writeChunk(Connection connection, List<Object> items, boolean commit)
      throws SQLException {
    StringBuilder sql = new StringBuilder();
    for (Object item : items) {
      if (!sql.isEmpty()) {
        sql.append(";\n");
      }
      sql.append(sql(item));
    }
    if (commit) {
      sql.append(";\nCOMMIT");
    }
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int index = 1;
      for (Object item : items) {
        if (item instanceof BulkStatement delete) {
          for (String value : delete.values()) {
            statement.setString(index++, value);
          }
        } else if (item instanceof Inserts inserts) {
          for (RowChange<?> row : inserts.rows()) {
            index = RowBinder.bind(statement, index, row);
          }
        } else {
          index = RowBinder.bind(statement, index, change(item));
        }
      }
      boolean resultSet = statement.execute();
      for (int i = 0; i < items.size(); i++) {
        if (resultSet) {
          throw new IllegalStateException("a write statement returned rows");
        }
        int count = statement.getUpdateCount();
        if (items.get(i) instanceof RowChange<?> change) {
          RowBinder.verify(change, count);
        } else if (items.get(i) instanceof Inserts inserts && count != inserts.rows().size()) {
          throw new IllegalStateException(
              "inserted " + count + " of " + inserts.rows().size() + " rows in one statement");
        }
        resultSet = statement.getMoreResults();
      }
    }
  }

  private static String sql(Object item) {
    if (item instanceof BulkStatement delete) {
      return delete.sql();
    } else if (item instanceof Inserts inserts) {
      return inserts.sql();
    }
    return RowBinder.sql(change(item));
  }

  private static RowChange<?> change(Object item) {
    return (RowChange<?>) item;
  }
}

package io.bulwark.engine.command;

import io.bulwark.engine.api.ConflictException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns a JDBC failure into an engine exception without SQL in the message (W5): contention and
 * duplicate keys become {@link ConflictException}, everything else {@link PersistenceException}.
 * Restores the interrupt flag when the failure was caused by an interrupt.
 */
final class SqlErrors {

  /** Unique and foreign key violations, serialization failure, deadlock, H2 lock timeout. */
  private static final Set<String> CONFLICT_STATES =
      Set.of("23505", "23503", "40001", "40P01", "HYT00", "90131");

  private SqlErrors() {}

  /**
   * Whether the failure is a guard of {@link UnitOfWork#guard} that found a stale read: a check
   * violation (PostgreSQL 23514, H2 23513) of a constraint named {@code …_guard_stale}.
   */
  static boolean isStaleGuard(SQLException failure) {
    for (SQLException e = failure; e != null; e = e.getNextException()) {
      if (("23514".equals(e.getSQLState()) || "23513".equals(e.getSQLState()))
          && e.getMessage() != null
          && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("_guard_stale")) {
        return true;
      }
    }
    return false;
  }

  static RuntimeException translate(String operation, SQLException failure) {
    if (interrupted(failure)) {
      Thread.currentThread().interrupt();
    }
    for (SQLException e = failure; e != null; e = e.getNextException()) {
      if (e.getSQLState() != null && CONFLICT_STATES.contains(e.getSQLState())) {
        return new ConflictException(
            operation + " conflicts with another transaction (SQL state " + e.getSQLState() + ")",
            failure);
      }
    }
    return new PersistenceException(
        operation + " failed in the database (SQL state " + failure.getSQLState() + ")", failure);
  }

  private static boolean interrupted(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }
}

package io.bulwark.engine.persistence;

import io.bulwark.engine.api.BulwarkException;
import io.bulwark.engine.api.ConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs a {@link UnitOfWork} in one JDBC transaction: commit on return, rollback on any exception. A
 * unique-key violation becomes {@link ConflictException}; other {@link SQLException}s become {@link
 * DatabaseException}; {@link BulwarkException}s and other runtime exceptions pass through after the
 * rollback. If the work was interrupted, the thread's interrupt flag is restored. Thread-safe.
 */
public final class Transactions {

  /** SQLSTATE 23505, unique_violation, on both H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public Transactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Runs the work and commits.
   *
   * @param operation what the work does, for error messages ("create user alice")
   */
  public <T> T inTransaction(String operation, UnitOfWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        restoreAutoCommit(connection, autoCommit);
      }
    } catch (SQLException e) {
      restoreInterruptFlag(e);
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new ConflictException(operation + " failed: the ID is already taken", e);
      }
      throw new DatabaseException(operation + " failed in the database", e);
    } catch (RuntimeException e) {
      restoreInterruptFlag(e);
      throw e;
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }

  private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // The pool resets and validates the connection on return; nothing to do here.
    }
  }

  private static void restoreInterruptFlag(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

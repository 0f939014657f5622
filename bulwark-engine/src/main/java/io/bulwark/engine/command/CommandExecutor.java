package io.bulwark.engine.command;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands: checks the command's {@link Requirement} for the actor (Z2), then runs it in one
 * JDBC transaction (auto-commit off, READ COMMITTED), flushes its {@link UnitOfWork} (one round
 * trip on PostgreSQL) and commits. Any failure rolls back everything. Thread-safe; each call uses
 * its own connection.
 */
public final class CommandExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

  private final DataSource dataSource;
  private final AuthorizationChecker checker;
  private final Clock clock;
  private volatile FlushWriter flushWriter;

  public CommandExecutor(DataSource dataSource, AuthorizationChecker checker, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.checker = Objects.requireNonNull(checker, "checker");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs {@code command} for {@code actor} and returns its result.
   *
   * @throws AuthorizationDeniedException when the actor lacks the required permission; nothing ran
   * @throws ConflictException when another transaction changed a row first; nothing was written
   */
  public <T> T execute(Actor actor, Command<T> command) {
    Objects.requireNonNull(actor, "actor");
    authorize(actor, command);
    Connection connection = open();
    RuntimeException failure = null;
    try {
      connection.setAutoCommit(false);
      // READ COMMITTED comes from the pool (Database checks an external data source once):
      // setting it here would cost PostgreSQL a round trip per command.
      UnitOfWork unitOfWork = new UnitOfWork();
      T result = command.execute(new CommandContext(connection, actor, clock, unitOfWork, this));
      unitOfWork.commit(connection, flushWriter(connection));
      runAfterCommit(unitOfWork);
      return result;
    } catch (SQLException e) {
      failure = SqlErrors.translate(command.getClass().getSimpleName(), e);
      rollback(connection, failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      rollback(connection, e);
      throw e;
    } finally {
      close(connection, failure);
    }
  }

  void authorize(Actor actor, Command<?> command) {
    Objects.requireNonNull(command, "command");
    Requirement requirement = command.requirement();
    if (requirement == null) {
      throw new IllegalStateException(
          command.getClass().getName() + " returned no requirement; use Requirement.none(reason)");
    }
    if (requirement instanceof Requirement.NoCheck none) {
      LOG.debug("{} runs without a check: {}", command.getClass().getSimpleName(), none.reason());
      return;
    }
    check(actor, requirement);
  }

  /**
   * Asks the checker for {@code requirement} (Z2): the one place where decisions are made. An
   * any-of is granted by its first granted alternative.
   *
   * @throws AuthorizationDeniedException when denied
   */
  void check(Actor actor, Requirement requirement) {
    List<Requirement.PermissionCheck> checks;
    if (requirement instanceof Requirement.PermissionCheck one) {
      checks = List.of(one);
    } else if (requirement instanceof Requirement.AnyOf any) {
      checks = any.checks();
    } else {
      return;
    }
    List<AuthorizationDeniedException.Denied> denied = new ArrayList<>();
    for (Requirement.PermissionCheck check : checks) {
      Decision decision = checker.decide(actor.userId(), actor.groupIds(), check);
      if (decision.isGranted()) {
        return;
      }
      denied.add(
          new AuthorizationDeniedException.Denied(
              check.resourceType().name(),
              check.permission().name(),
              check.resourceId(),
              decision.rule()));
    }
    if (!denied.isEmpty()) {
      throw new AuthorizationDeniedException(actor.userId(), denied);
    }
  }

  SqlFilter listFilter(Actor actor, ResourceType type, Permission permission, String idColumn) {
    return checker.listFilter(actor.userId(), actor.groupIds(), type, permission, idColumn);
  }

  private static void runAfterCommit(UnitOfWork unitOfWork) {
    for (Runnable action : unitOfWork.afterCommitActions()) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("An after-commit action failed; the command itself committed", e);
      }
    }
  }

  /** Chosen from the database product once per executor (one data source, one database). */
  private FlushWriter flushWriter(Connection connection) throws SQLException {
    FlushWriter writer = flushWriter;
    if (writer == null) {
      writer = FlushWriter.of(connection);
      flushWriter = writer;
    }
    return writer;
  }

  private Connection open() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translate("open connection", e);
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void close(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        // The transaction has committed or its failure is already propagating: do not mask it.
        LOG.warn("Closing a connection failed", e);
      }
    }
  }
}

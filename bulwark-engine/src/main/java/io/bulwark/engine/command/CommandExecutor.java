package io.bulwark.engine.command;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.PrincipalIssuer;
import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.PresumedFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.authz.Subject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands: opens one JDBC transaction (auto-commit off, READ COMMITTED), checks the command's
 * {@link Requirement} for the actor in it (Z1, Z2), runs the command, flushes its {@link
 * UnitOfWork} (one round trip on PostgreSQL) and commits. Any failure rolls back everything.
 * Thread-safe; each call uses its own connection.
 *
 * <p>Who is checked: a {@link Actor.Kind#USER user} by the {@link AuthorizationChecker} (the stored
 * grants, case security, then the default deny); the engine's {@link Actor.Kind#SYSTEM system}
 * actor and a {@link Actor.Kind#TRUSTED_APPLICATION trusted application} made by this engine's
 * {@link PrincipalIssuer} are granted by a rule that names them, without a query. Every denial is
 * logged to {@code io.bulwark.audit.authorization} with the user, the permission, the resource and
 * the deciding rule (A7).
 */
public final class CommandExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);
  private static final Logger DENIALS = LoggerFactory.getLogger("io.bulwark.audit.authorization");
  private static final String NO_PRINCIPAL = "no principal: a call without one is denied (Z1)";

  private final DataSource dataSource;
  private final AuthorizationChecker checker;
  private final Clock clock;
  private final @Nullable PrincipalIssuer issuer;
  private volatile @Nullable FlushWriter flushWriter;

  /** An executor that honours no trusted-application principal (internal and test use). */
  public CommandExecutor(DataSource dataSource, AuthorizationChecker checker, Clock clock) {
    this(dataSource, checker, clock, null);
  }

  /** The engine's executor: trusted-application principals of {@code issuer} are granted. */
  public CommandExecutor(
      DataSource dataSource,
      AuthorizationChecker checker,
      Clock clock,
      @Nullable PrincipalIssuer issuer) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.checker = Objects.requireNonNull(checker, "checker");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.issuer = issuer;
  }

  /**
   * The actor for a service call's principal (Z1): a null principal is denied, a trusted
   * application only when this engine's issuer made it.
   *
   * @throws AuthorizationDeniedException for a null or foreign trusted-application principal
   */
  public Actor actorOf(Principal principal) {
    if (principal == null) {
      throw denial("anonymous", "SYSTEM", "ACCESS", Requirement.ANY, NO_PRINCIPAL);
    }
    if (!principal.isTrustedApplication()) {
      return new Actor(principal.userId(), principal.groups(), Actor.Kind.USER);
    }
    if (issuer == null || !principal.issuedBy(issuer)) {
      throw denial(
          principal.userId(),
          "SYSTEM",
          "ACCESS",
          Requirement.ANY,
          "trusted-application principal not made by this engine: refused");
    }
    return new Actor(principal.userId(), principal.groups(), Actor.Kind.TRUSTED_APPLICATION);
  }

  /**
   * Runs {@code command} for {@code actor} and returns its result.
   *
   * @throws AuthorizationDeniedException when the actor lacks the required permission; nothing ran
   * @throws ConflictException when another transaction changed a row first; nothing was written
   */
  public <T> T execute(Actor actor, Command<T> command) {
    Objects.requireNonNull(actor, "actor");
    Requirement requirement = requirementOf(command);
    UnitOfWork first = new UnitOfWork();
    try {
      return execute(actor, command, requirement, first);
    } catch (StaleGuardException stale) {
      // A guard found a cached read stale: nothing was written; forget it and read afresh.
      first.forgetStale();
      UnitOfWork second = new UnitOfWork();
      try {
        return execute(actor, command, requirement, second);
      } catch (StaleGuardException again) {
        second.forgetStale();
        throw new ConflictException(
            command.getClass().getSimpleName() + " read a definition that changed meanwhile",
            again);
      }
    }
  }

  /** A guard of the unit of work failed ({@link UnitOfWork#guard}); the unit was rolled back. */
  private static final class StaleGuardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleGuardException(SQLException cause) {
      super("a guarded read was stale", cause);
    }
  }

  private <T> T execute(
      Actor actor, Command<T> command, Requirement requirement, UnitOfWork unitOfWork) {
    Connection connection = open();
    @Nullable RuntimeException failure = null;
    boolean readOnly = command.readOnly();
    try {
      // A read-only command's statements commit themselves (Command#readOnly): no COMMIT.
      connection.setAutoCommit(readOnly);
      // READ COMMITTED comes from the pool (Database checks an external data source once):
      // setting it here would cost PostgreSQL a round trip per command.
      check(connection, actor, requirement);
      T result = command.execute(new CommandContext(connection, actor, clock, unitOfWork, this));
      if (readOnly) {
        unitOfWork.requireNoWrites(command.getClass().getSimpleName());
      } else {
        unitOfWork.commit(connection, flushWriter(connection));
      }
      runAfterCommit(unitOfWork);
      return result;
    } catch (SQLException e) {
      failure =
          unitOfWork.guarded() && SqlErrors.isStaleGuard(e)
              ? new StaleGuardException(e)
              : SqlErrors.translate(command.getClass().getSimpleName(), e);
      rollback(connection, readOnly, failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      rollback(connection, readOnly, e);
      throw e;
    } finally {
      close(connection, failure);
    }
  }

  /** Checks a nested command's requirement in the running transaction. */
  void authorize(Connection connection, Actor actor, Command<?> command) throws SQLException {
    check(connection, actor, requirementOf(command));
  }

  private static Requirement requirementOf(Command<?> command) {
    Objects.requireNonNull(command, "command");
    Requirement requirement = command.requirement();
    if (requirement == null) {
      throw new IllegalStateException(
          command.getClass().getName() + " returned no requirement; use Requirement.none(reason)");
    }
    if (requirement instanceof Requirement.NoCheck none) {
      LOG.debug("{} runs without a check: {}", command.getClass().getSimpleName(), none.reason());
    }
    return requirement;
  }

  /**
   * Decides {@code requirement} for the actor (Z2): the one place where decisions are made. An
   * any-of is granted by its first granted alternative, an all-of denied by its first denied one.
   *
   * @throws AuthorizationDeniedException when denied
   * @throws NotFoundException when denied on a task or process instance the user may not even read,
   *     or on a row of a tenant the user is not a member of, so that IDs do not leak (Z3)
   */
  void check(Connection connection, Actor actor, Requirement requirement) throws SQLException {
    if (requirement instanceof Requirement.NoCheck || actor.kind() != Actor.Kind.USER) {
      return;
    }
    if (requirement instanceof Requirement.AllOf all) {
      for (Requirement.PermissionCheck one : all.checks()) {
        check(connection, actor, one);
      }
      return;
    }
    List<Requirement.PermissionCheck> checks =
        requirement instanceof Requirement.AnyOf any
            ? any.checks()
            : List.of((Requirement.PermissionCheck) requirement);
    List<AuthorizationDeniedException.Denied> denied = new ArrayList<>();
    boolean foreignTenant = false;
    for (Requirement.PermissionCheck check : checks) {
      Decision decision = checker.decide(connection, actor.subject(), check);
      if (decision.isGranted()) {
        return;
      }
      foreignTenant |= decision.isHidden();
      denied.add(
          new AuthorizationDeniedException.Denied(
              check.resourceType().name(),
              check.permission().name(),
              check.resourceId(),
              decision.rule()));
    }
    for (AuthorizationDeniedException.Denied one : denied) {
      DENIALS.info(
          "authorization denied: user={} permission={} resourceType={} resourceId={} rule={}",
          actor.userId(),
          one.permission(),
          one.resourceType(),
          one.resourceId(),
          one.rule());
    }
    if (checks.size() == 1 && (foreignTenant || hidden(connection, actor, checks.get(0)))) {
      throw new NotFoundException(
          checks.get(0).resourceType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + " "
              + checks.get(0).resourceId()
              + " not found");
    }
    throw new AuthorizationDeniedException(actor.userId(), denied);
  }

  /** Whether a denied check is on a task or instance the user may not read either (Z3). */
  private boolean hidden(Connection connection, Actor actor, Requirement.PermissionCheck check)
      throws SQLException {
    ResourceType type = check.resourceType();
    if ((type != ResourceType.TASK && type != ResourceType.PROCESS_INSTANCE)
        || Requirement.ANY.equals(check.resourceId())) {
      return false;
    }
    if (check.permission() == Permission.READ) {
      return true;
    }
    return !checker
        .decide(
            connection, actor.subject(), Requirement.of(type, Permission.READ, check.resourceId()))
        .isGranted();
  }

  /** Whether the actor holds {@code check}, without a denial being logged or thrown. */
  boolean isGranted(Connection connection, Actor actor, Requirement.PermissionCheck check)
      throws SQLException {
    return actor.kind() != Actor.Kind.USER
        || checker.decide(connection, actor.subject(), check).isGranted();
  }

  Decision explain(Connection connection, Subject subject, Requirement.PermissionCheck check)
      throws SQLException {
    return checker.decide(connection, subject, check);
  }

  SqlFilter listFilter(Connection connection, Actor actor, ListTarget target, Permission permission)
      throws SQLException {
    if (actor.kind() != Actor.Kind.USER) {
      return SqlFilter.unrestricted(grantedRule(actor));
    }
    return checker.listFilter(connection, actor.subject(), target, permission);
  }

  /** Empty for the system and trusted applications, whose {@link #listFilter} reads nothing. */
  Optional<PresumedFilter> presumedListFilter(
      Connection connection, Actor actor, ListTarget target, Permission permission)
      throws SQLException {
    if (actor.kind() != Actor.Kind.USER) {
      return Optional.empty();
    }
    return checker.presumedListFilter(connection, actor.subject(), target, permission);
  }

  SqlFilter tenantFilter(Connection connection, Actor actor, ListTarget.TenantOf tenant)
      throws SQLException {
    if (actor.kind() != Actor.Kind.USER) {
      return SqlFilter.unrestricted(grantedRule(actor));
    }
    return checker.tenantFilter(connection, actor.subject(), tenant);
  }

  private static String grantedRule(Actor actor) {
    return actor.kind() == Actor.Kind.SYSTEM
        ? "system principal " + actor.userId()
        : "trusted application " + actor.userId();
  }

  private static AuthorizationDeniedException denial(
      String userId, String type, String permission, String resourceId, String rule) {
    DENIALS.info(
        "authorization denied: user={} permission={} resourceType={} resourceId={} rule={}",
        userId,
        permission,
        type,
        resourceId,
        rule);
    return new AuthorizationDeniedException(
        userId,
        List.of(new AuthorizationDeniedException.Denied(type, permission, resourceId, rule)));
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

  private static void rollback(Connection connection, boolean readOnly, Throwable failure) {
    if (readOnly) {
      return; // nothing to roll back: each statement committed itself
    }
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void close(Connection connection, @Nullable Throwable failure) {
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

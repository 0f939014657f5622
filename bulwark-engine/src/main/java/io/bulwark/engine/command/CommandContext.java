package io.bulwark.engine.command;

import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.PresumedFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.authz.Subject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running command sees: the transaction's connection, the actor, the clock and the unit of
 * work. Valid only during one {@link CommandExecutor#execute} call, on its thread; not thread-safe.
 * Commands must not commit, roll back or close the connection.
 */
public final class CommandContext {

  private final Connection connection;
  private final Actor actor;
  private final Clock clock;
  private final UnitOfWork unitOfWork;
  private final CommandExecutor executor;

  CommandContext(
      Connection connection,
      Actor actor,
      Clock clock,
      UnitOfWork unitOfWork,
      CommandExecutor executor) {
    this.connection = Objects.requireNonNull(connection);
    this.actor = Objects.requireNonNull(actor);
    this.clock = Objects.requireNonNull(clock);
    this.unitOfWork = Objects.requireNonNull(unitOfWork);
    this.executor = Objects.requireNonNull(executor);
  }

  public Connection connection() {
    return connection;
  }

  public Actor actor() {
    return actor;
  }

  public Clock clock() {
    return clock;
  }

  /** The clock's current instant. */
  public Instant now() {
    return clock.instant();
  }

  public UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  /**
   * Runs another command in this same transaction, after checking its requirement for the same
   * actor. Its writes join this unit of work.
   */
  public <T> T run(Command<T> command) throws SQLException {
    executor.authorize(connection, actor, command);
    return command.execute(this);
  }

  /**
   * Checks a requirement on a target the command found while running (Z2), e.g. the instance a
   * message correlates to, through the executor's checker. Call it before writing; a denial throws
   * {@link io.bulwark.engine.api.AuthorizationDeniedException} and rolls everything back.
   */
  public void authorize(Requirement requirement) throws SQLException {
    executor.check(connection, actor, requirement);
  }

  /**
   * Whether the actor holds {@code check}, asked without denying anything: for answers that differ
   * by permission, such as sensitive variables shown in clear only with READ_VARIABLE (D1).
   */
  public boolean isGranted(io.bulwark.engine.authz.Requirement.PermissionCheck check)
      throws SQLException {
    return executor.isGranted(connection, actor, check);
  }

  /**
   * The authorization filter for a list query of this actor (Z2): rows of {@code type} whose ID is
   * in {@code idColumn}, visible through stored rules only. Pass it to ListQuery.
   */
  public SqlFilter listFilter(ResourceType type, Permission permission, String idColumn)
      throws SQLException {
    return listFilter(ListTarget.ids(type, idColumn), permission);
  }

  /**
   * The authorization filter for a list query of this actor (Z2, Z3): rows of {@code type} whose ID
   * is in {@code idColumn}, visible through stored rules, and only those of the actor's tenants and
   * of no tenant ({@code tenant}). Pass it to ListQuery.
   */
  public SqlFilter listFilter(
      ResourceType type, Permission permission, String idColumn, ListTarget.TenantOf tenant)
      throws SQLException {
    return listFilter(ListTarget.ids(type, idColumn, tenant), permission);
  }

  /**
   * What the checker decides for another subject (Z8 explain): the same decision that subject's own
   * call would get, read in this transaction.
   */
  public Decision explain(Subject subject, Requirement.PermissionCheck check) throws SQLException {
    return executor.explain(connection, subject, check);
  }

  /**
   * The tenant filter (Z3) for rows this command selects by another right than READ on them
   * (fetch-and-lock, by FETCH_TOPIC): rows of no tenant and of the actor's tenants, whose tenant is
   * read as {@code tenant} says. Unrestricted for the system, trusted applications and holders of
   * READ on all tenants.
   */
  public SqlFilter tenantFilter(ListTarget.TenantOf tenant) throws SQLException {
    return executor.tenantFilter(connection, actor, tenant);
  }

  /**
   * Whether the one row of {@code table} (with its alias, a code constant) whose {@code idColumn}
   * is {@code id} belongs to no tenant or to one of the actor's (Z3), its tenant read as {@code
   * tenant} says; false when there is no such row. For rows whose grants name something else than
   * their ID (a definition's grants name its key).
   */
  public boolean ofOwnTenant(String table, String idColumn, ListTarget.TenantOf tenant, String id)
      throws SQLException {
    SqlFilter tenants = tenantFilter(tenant);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM "
                + table
                + " WHERE "
                + idColumn
                + " = ?"
                + (tenants.isUnrestricted() ? "" : " AND " + tenants.condition()))) {
      statement.setString(1, id);
      int index = 2;
      for (Object value : tenants.parameters()) {
        statement.setObject(index++, value);
      }
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The filter {@link #listFilter} gives the actor when it holds no rule about the list, compiled
   * without a query, with the condition to check in the list's own statement ({@link
   * PresumedFilter}, issue 13); empty for the system and trusted applications, and when the checker
   * presumes nothing: then use {@link #listFilter}.
   */
  public Optional<PresumedFilter> presumedListFilter(ListTarget target, Permission permission)
      throws SQLException {
    return executor.presumedListFilter(connection, actor, target, permission);
  }

  /** The authorization filter for a list of tasks or instances, with case security (Z2, Z3). */
  public SqlFilter listFilter(ListTarget target, Permission permission) throws SQLException {
    return executor.listFilter(connection, actor, target, permission);
  }
}

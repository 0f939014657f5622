package io.bulwark.engine.authz;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Decides whether a user may do what a command requires (Z2), and restricts list queries in SQL
 * (Z2, Z3). Called only by the command executor, inside the command's transaction and on its
 * connection, so that a decision reads the rules as they are now (A10). Implementations must be
 * thread-safe and end every rule list in an explicit deny. The engine's implementation is {@link
 * GrantChecker}.
 */
public interface AuthorizationChecker {

  /** The decision for {@code subject} on one permission check; never null. */
  Decision decide(Connection connection, Subject subject, Requirement.PermissionCheck check)
      throws SQLException;

  /** The SQL condition that limits a list of {@code target} rows to those the subject may see. */
  SqlFilter listFilter(
      Connection connection, Subject subject, ListTarget target, Permission permission)
      throws SQLException;

  /**
   * The filter {@link #listFilter} gives a subject that holds no rule about the list, compiled
   * without a query, with the condition that it holds none, which the list's statement must check
   * itself ({@link PresumedFilter}); empty when this checker presumes nothing, and then the caller
   * uses {@link #listFilter}.
   */
  default Optional<PresumedFilter> presumedListFilter(
      Connection connection, Subject subject, ListTarget target, Permission permission)
      throws SQLException {
    return Optional.empty();
  }

  /**
   * The SQL condition that limits rows selected by other rights than READ on them (fetch-and-lock
   * by FETCH_TOPIC) to those of no tenant and of the subject's tenants (Z3); unrestricted for a
   * holder of READ on all tenants.
   */
  SqlFilter tenantFilter(Connection connection, Subject subject, ListTarget.TenantOf tenant)
      throws SQLException;
}

package io.bulwark.engine.authz;

import java.util.Set;

/**
 * Decides whether a user may do what a command requires (Z2), and restricts list queries in SQL
 * (Z2, Z3). Called only by the command executor and by list queries; implementations must be
 * thread-safe and must end every rule list in an explicit deny.
 */
public interface AuthorizationChecker {

  /** The decision for a user (and the groups they belong to) on a permission check. */
  Decision decide(String userId, Set<String> groupIds, Requirement.PermissionCheck check);

  /**
   * The SQL condition that limits a list of {@code resourceType} rows, whose id is in {@code
   * idColumn}, to those on which the user holds {@code permission}.
   */
  SqlFilter listFilter(
      String userId,
      Set<String> groupIds,
      ResourceType resourceType,
      Permission permission,
      String idColumn);
}

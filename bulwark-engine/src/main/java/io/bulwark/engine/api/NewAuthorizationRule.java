package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule to store (Z2); validated by the engine, which names the field and the rule broken.
 *
 * @param type {@code GLOBAL}, {@code GRANT} or {@code REVOKE}
 * @param userId the user, for a grant or revoke to a user; otherwise null
 * @param groupId the group, for a grant or revoke to a group; otherwise null
 * @param resourceType a resource type name such as {@code TASK}
 * @param resourceId one resource ID, or {@code *} for all
 * @param permissions permission names such as {@code READ}; {@code ALL} for every one
 */
public record NewAuthorizationRule(
    @Nullable String type,
    @Nullable String userId,
    @Nullable String groupId,
    @Nullable String resourceType,
    @Nullable String resourceId,
    Set<String> permissions) {

  public NewAuthorizationRule {
    permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
  }

  /** A grant to a group. */
  public static NewAuthorizationRule grantToGroup(
      String groupId, String resourceType, String resourceId, String... permissions) {
    return new NewAuthorizationRule(
        "GRANT", null, groupId, resourceType, resourceId, Set.of(permissions));
  }

  /** A grant to a user. */
  public static NewAuthorizationRule grantToUser(
      String userId, String resourceType, String resourceId, String... permissions) {
    return new NewAuthorizationRule(
        "GRANT", userId, null, resourceType, resourceId, Set.of(permissions));
  }

  /** A revoke from a user. */
  public static NewAuthorizationRule revokeFromUser(
      String userId, String resourceType, String resourceId, String... permissions) {
    return new NewAuthorizationRule(
        "REVOKE", userId, null, resourceType, resourceId, Set.of(permissions));
  }
}

package io.bulwark.engine.authz;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One stored authorization rule (Z2): a {@link Type#GLOBAL global} rule for everyone, or a grant or
 * revoke rule for one user or one group, on one resource ID or on {@link Requirement#ANY all}
 * resources of a type, for a set of permissions. Named {@code Authorization} in Camunda 7.
 *
 * @param id the rule's ID, named in every decision it makes
 * @param userId the user it applies to; null for a group rule and for a global rule
 * @param groupId the group it applies to; null for a user rule and for a global rule
 */
public record Grant(
    String id,
    Type type,
    @Nullable String userId,
    @Nullable String groupId,
    ResourceType resourceType,
    String resourceId,
    Set<Permission> permissions) {

  /** What a rule does. Camunda 7 numbers them 0, 1 and 2 in this order. */
  public enum Type {
    /** Grants its permissions to every user; user and group rules take precedence. */
    GLOBAL,
    /** Grants its permissions to one user or group. */
    GRANT,
    /** Revokes its permissions from one user or group. */
    REVOKE
  }

  public Grant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    permissions = Set.copyOf(permissions);
    if (type == Type.GLOBAL && (userId != null || groupId != null)) {
      throw new IllegalArgumentException("a global rule names neither a user nor a group");
    }
    if (type != Type.GLOBAL && (userId == null) == (groupId == null)) {
      throw new IllegalArgumentException("a grant or revoke names exactly one user or one group");
    }
    if (permissions.isEmpty()) {
      throw new IllegalArgumentException("a rule names at least one permission");
    }
  }

  /**
   * Whether this rule speaks about {@code permission} (directly or through {@link Permission#ALL}).
   */
  public boolean covers(Permission permission) {
    return permissions.contains(permission) || permissions.contains(Permission.ALL);
  }

  /** Whether the rule names one resource rather than all resources of its type. */
  public boolean isSpecific() {
    return !Requirement.ANY.equals(resourceId);
  }

  /** The rule as a decision names it, e.g. {@code grant a1 (group sales: READ on TASK *)}. */
  public String describe() {
    String who =
        switch (type) {
          case GLOBAL -> "everyone";
          case GRANT, REVOKE -> userId != null ? "user " + userId : "group " + groupId;
        };
    return type.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + id
        + " ("
        + who
        + ": "
        + String.join(",", permissions.stream().map(Enum::name).sorted().toList())
        + " on "
        + resourceType
        + " "
        + resourceId
        + ")";
  }
}

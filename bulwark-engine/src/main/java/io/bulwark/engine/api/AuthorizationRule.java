package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stored authorization rule (Z2), as the API shows it: a {@code GLOBAL} rule for everyone, or a
 * {@code GRANT} or {@code REVOKE} for one user or one group, on one resource ID or on all ({@code
 * *}) resources of a type. Names are those of Bulwark's resource types and permissions (e.g. {@code
 * PROCESS_DEFINITION}, {@code START_INSTANCE}; {@code ALL} = every permission).
 *
 * @param id the rule's ID; named by every decision it makes
 * @param userId the user it applies to, or null
 * @param groupId the group it applies to, or null
 */
public record AuthorizationRule(
    String id,
    String type,
    @Nullable String userId,
    @Nullable String groupId,
    String resourceType,
    String resourceId,
    Set<String> permissions) {

  public AuthorizationRule {
    Objects.requireNonNull(id, "id");
    permissions = Set.copyOf(permissions);
  }
}

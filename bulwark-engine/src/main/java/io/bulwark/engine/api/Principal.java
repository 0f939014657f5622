package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Set;

/**
 * The acting user of a command, passed explicitly: the engine has no static "current user". The
 * groups are those the identity service knew when the principal was made (A10 requires callers to
 * rebuild it per request rather than cache it).
 *
 * @param userId the user's ID
 * @param groups the IDs of the user's groups; never null, possibly empty
 */
public record Principal(String userId, Set<String> groups) {

  public Principal {
    Objects.requireNonNull(userId, "userId");
    groups = Set.copyOf(groups);
  }

  public boolean isMemberOf(String groupId) {
    return groups.contains(groupId);
  }
}

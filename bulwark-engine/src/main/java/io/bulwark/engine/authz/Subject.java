package io.bulwark.engine.authz;

import java.util.Objects;
import java.util.Set;

/**
 * Whose permissions a checker evaluates: a user and the groups the caller's identity provider
 * placed them in (Z2). Only ordinary users reach a checker; the engine's own system principal and
 * trusted applications are decided by the command executor without one.
 */
public record Subject(String userId, Set<String> groupIds) {

  /** Most groups one subject may bring into one SQL statement (W11). */
  public static final int MAX_GROUPS = 1000;

  public Subject {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
    groupIds = Set.copyOf(groupIds);
    if (groupIds.size() > MAX_GROUPS) {
      throw new IllegalArgumentException(
          "user " + userId + " is in " + groupIds.size() + " groups; at most " + MAX_GROUPS);
    }
  }
}

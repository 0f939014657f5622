package io.bulwark.engine.command;

import java.util.Objects;
import java.util.Set;

/**
 * Who runs a command: a user id and the ids of the groups they belong to. Passed explicitly to
 * every command; there is no static "current user". (To be replaced by the API's Principal.)
 */
public record Actor(String userId, Set<String> groupIds) {

  public Actor {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
    groupIds = Set.copyOf(groupIds);
  }

  public static Actor user(String userId, String... groupIds) {
    return new Actor(userId, Set.of(groupIds));
  }
}

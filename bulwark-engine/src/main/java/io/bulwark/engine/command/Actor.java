package io.bulwark.engine.command;

import io.bulwark.engine.authz.Subject;
import java.util.Objects;
import java.util.Set;

/**
 * Who runs a command, passed explicitly to every command; there is no static "current user". A
 * {@link Kind#USER user} is checked against the stored rules (Z1, Z2); the engine's own {@link
 * Kind#SYSTEM system} actor (job executor, bootstrap) and a {@link Kind#TRUSTED_APPLICATION trusted
 * application} made by the engine itself are granted every check, by a rule that names them.
 * Services make actors from principals only through {@link CommandExecutor#actorOf}.
 */
public record Actor(String userId, Set<String> groupIds, Kind kind) {

  /** What kind of caller an actor is. */
  public enum Kind {
    USER,
    SYSTEM,
    TRUSTED_APPLICATION
  }

  public Actor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
    groupIds = Set.copyOf(groupIds);
  }

  /** An ordinary user, checked against the rules. */
  public Actor(String userId, Set<String> groupIds) {
    this(userId, groupIds, Kind.USER);
  }

  public static Actor user(String userId, String... groupIds) {
    return new Actor(userId, Set.of(groupIds), Kind.USER);
  }

  /** The engine itself, e.g. {@code system("job-executor")}; internal code only. */
  public static Actor system(String name) {
    return new Actor("system:" + name, Set.of(), Kind.SYSTEM);
  }

  /** The subject a checker evaluates; only for {@link Kind#USER}. */
  public Subject subject() {
    return new Subject(userId, groupIds);
  }
}

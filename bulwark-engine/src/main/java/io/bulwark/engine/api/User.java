package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A user as the API shows it. The password hash never leaves the engine.
 *
 * @param id the user ID (Z7)
 * @param displayName the name shown to people
 * @param mustChangePassword true while the password is a one-time password (A2)
 * @param disabled a disabled user cannot log in
 * @param created when the user was created
 * @param revision the optimistic-locking revision, incremented on every change
 */
public record User(
    String id,
    String displayName,
    boolean mustChangePassword,
    boolean disabled,
    Instant created,
    long revision) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(created, "created");
  }
}

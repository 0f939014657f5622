package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A password to check against the policy (A4), with what is known about its future owner so that
 * the policy can refuse passwords built from it.
 *
 * @param password the candidate; the engine normalizes it (Unicode NFKC) before any rule sees it;
 *     not cleared by the engine
 * @param userId the owner's user ID, or empty when not known yet
 * @param displayName the owner's name (for example first and last name), or empty
 */
public record PasswordCandidate(
    Secret password, Optional<String> userId, Optional<String> displayName) {

  public PasswordCandidate {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** A candidate for a known user. */
  public static PasswordCandidate of(
      Secret password, @Nullable String userId, @Nullable String displayName) {
    return new PasswordCandidate(
        password, Optional.ofNullable(userId), Optional.ofNullable(displayName));
  }

  /** The same owner with another password (the normalized one, for example). */
  public PasswordCandidate withPassword(Secret other) {
    return new PasswordCandidate(other, userId, displayName);
  }
}

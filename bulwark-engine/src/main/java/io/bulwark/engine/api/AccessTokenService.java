package io.bulwark.engine.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Short-lived bearer access tokens for API clients (A9). A token is 256 random bits; the engine
 * stores only its SHA-256 hash, so a copy of the database does not yield usable tokens. Every
 * {@link #check} reads the database: a revoked token, or a token of a user that was deleted or
 * disabled since, is refused at once (A10). Thread-safe; each method runs in its own transaction.
 */
public interface AccessTokenService {

  /** The shortest lifetime {@link #issue} accepts. */
  Duration MIN_LIFETIME = Duration.ofMinutes(1);

  /** The longest lifetime {@link #issue} accepts. */
  Duration MAX_LIFETIME = Duration.ofHours(24);

  /**
   * Issues a token for the principal's user; also deletes the rows of tokens that have expired. The
   * caller has authenticated the principal and must not issue a token to a user whose password must
   * be changed (A2).
   *
   * @throws ValidationException the lifetime is outside {@link #MIN_LIFETIME}..{@link
   *     #MAX_LIFETIME} (rule {@code token-lifetime})
   * @throws NotFoundException the user does not exist
   */
  default IssuedAccessToken issue(Principal principal, Duration lifetime) {
    return issue(principal, lifetime, null);
  }

  /**
   * Issues a token as {@link #issue(Principal, Duration)} does, bound to a client address when
   * {@code boundClient} is not null: {@link #check(Secret, String)} then refuses it from any other
   * address ({@link AccessTokenCheck.Outcome#WRONG_CLIENT}, A9).
   *
   * @param boundClient the client address the token is bound to (compared exactly, at most 64
   *     characters), or null for a token usable from anywhere
   */
  IssuedAccessToken issue(Principal principal, Duration lifetime, @Nullable String boundClient);

  /**
   * Checks a presented token. Never throws for a bad token: the outcome says why it was refused.
   * Does not clear the secret.
   */
  default AccessTokenCheck check(Secret token) {
    return check(token, null);
  }

  /**
   * Checks a token presented from {@code client}: a token bound to another address (or presented
   * with no address) is refused with {@link AccessTokenCheck.Outcome#WRONG_CLIENT} (A9). Never
   * throws for a bad token. Does not clear the secret.
   *
   * @param client the address the request came from, or null when unknown
   */
  AccessTokenCheck check(Secret token, @Nullable String client);

  /**
   * Revokes a token at once (A9).
   *
   * @return true when the token existed (expired or not) and is now gone
   */
  boolean revoke(Secret token);
}

package io.bulwark.server.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on password checks before authentication (E8, W14). Every login form post and every HTTP
 * Basic request runs one Argon2id verification of 64 MiB, for unknown users too (A6); at most
 * {@code maxConcurrent} run at once, a request waits at most {@code maxWait} for a slot and is then
 * answered 429 with {@code Retry-After}. Bound from {@code bulwark.password-checks.*}; a value out
 * of bounds refuses to start.
 *
 * @param maxConcurrent password checks that may run at once; default 2, 1 to 64 (each holds 64 MiB
 *     while it runs)
 * @param maxWait how long a request waits for a free slot; default 1 second, 0 to 10 seconds
 */
@ConfigurationProperties("bulwark.password-checks")
public record PasswordCheckSettings(
    @DefaultValue("2") int maxConcurrent, @DefaultValue("PT1S") Duration maxWait) {

  static final int MAX_CONCURRENT = 64;
  static final Duration MAX_WAIT = Duration.ofSeconds(10);

  public PasswordCheckSettings {
    if (maxConcurrent < 1 || maxConcurrent > MAX_CONCURRENT) {
      throw new IllegalArgumentException(
          "invalid bulwark.password-checks.max-concurrent "
              + maxConcurrent
              + "; must be 1 to "
              + MAX_CONCURRENT
              + " (E8)");
    }
    if (maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.password-checks.max-wait " + maxWait + "; must be PT0S to PT10S (E8)");
    }
  }

  /** The defaults. */
  public static PasswordCheckSettings defaults() {
    return new PasswordCheckSettings(2, Duration.ofSeconds(1));
  }
}

package io.bulwark.engine.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of password recovery by e-mail (A11); every default is the safe value. The constructor
 * refuses values that make no sense (non-positive, a lifetime over a day); whether a sensible value
 * is too weak is for {@code doctor} to say ({@link #meetsBaseline()}).
 *
 * @param tokenLifetime how long an e-mailed reset link works (default 30 min, the A11 baseline; at
 *     most 24 h)
 * @param accountLimit reset links one account may be sent within {@code limitWindow} (default 3)
 * @param addressLimit recovery requests one client address (IPv6: its /64) may make within {@code
 *     limitWindow}, whatever the accounts (default 10)
 * @param limitWindow the window of both limits (default 1 h)
 */
public record PasswordRecoverySettings(
    Duration tokenLifetime, int accountLimit, int addressLimit, Duration limitWindow) {

  /** The longest reset-link lifetime the baseline accepts (A11). */
  public static final Duration BASELINE_LIFETIME = Duration.ofMinutes(30);

  private static final Duration MAX_LIFETIME = Duration.ofHours(24);

  public PasswordRecoverySettings {
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    Objects.requireNonNull(limitWindow, "limitWindow");
    if (tokenLifetime.isNegative()
        || tokenLifetime.isZero()
        || tokenLifetime.compareTo(MAX_LIFETIME) > 0) {
      throw ValidationException.of(
          "tokenLifetime",
          "range",
          "invalid tokenLifetime " + tokenLifetime + "; must be positive and at most PT24H");
    }
    if (limitWindow.isNegative() || limitWindow.isZero()) {
      throw ValidationException.of(
          "limitWindow", "positive", "invalid limitWindow " + limitWindow + "; must be positive");
    }
    if (accountLimit < 1) {
      throw ValidationException.of(
          "accountLimit", "at-least-1", "invalid accountLimit " + accountLimit + "; must be >= 1");
    }
    if (addressLimit < 1) {
      throw ValidationException.of(
          "addressLimit", "at-least-1", "invalid addressLimit " + addressLimit + "; must be >= 1");
    }
  }

  public static PasswordRecoverySettings defaults() {
    return new PasswordRecoverySettings(BASELINE_LIFETIME, 3, 10, Duration.ofHours(1));
  }

  /**
   * Whether the settings are at least as strict as the baseline: a link lives at most 30 minutes
   * and the limits are no looser than ten links per account and fifty requests per address per
   * hour.
   */
  public boolean meetsBaseline() {
    double perHour = Duration.ofHours(1).toMillis() / (double) limitWindow.toMillis();
    return tokenLifetime.compareTo(BASELINE_LIFETIME) <= 0
        && accountLimit * perHour <= 10
        && addressLimit * perHour <= 50;
  }
}

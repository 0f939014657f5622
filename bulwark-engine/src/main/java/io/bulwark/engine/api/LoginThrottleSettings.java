package io.bulwark.engine.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The login throttle's limits (A5); every default is the safe value. The constructor refuses values
 * that make no sense (non-positive, or an account-wide limit below the per-address one); whether a
 * sensible value is too weak is for {@code doctor} to say.
 *
 * @param mode {@link Mode#ENFORCED} (default) or {@link Mode#INSECURE_OFF}
 * @param freeFailures failures of one account from one address before delays start (default 3)
 * @param delay the first delay; it doubles with every further failure (default 1 s)
 * @param maxDelay the longest delay (default 1 min)
 * @param lockoutFailures failures of one account from one address that lock it for that address
 *     (default 10)
 * @param lockoutDuration how long a lock lasts after the last counted failure, and how long
 *     failures are remembered (default 15 min)
 * @param accountFailures failures of one account from all addresses, within the lockout duration,
 *     that lock it for every address it has not signed in from within {@code knownAddressPeriod}
 *     (default 100)
 * @param knownAddressPeriod how long an address the user signed in from stays exempt from the
 *     account-wide lock (default 30 days)
 * @param addressBurst failures one client address may make in a row, whatever the accounts (default
 *     30)
 * @param addressInterval after the burst, one more failure per this interval (default 10 s)
 */
public record LoginThrottleSettings(
    Mode mode,
    int freeFailures,
    Duration delay,
    Duration maxDelay,
    int lockoutFailures,
    Duration lockoutDuration,
    int accountFailures,
    Duration knownAddressPeriod,
    int addressBurst,
    Duration addressInterval) {

  /** Whether the throttle works. */
  public enum Mode {
    /** Every limit applies (default). */
    ENFORCED,
    /** Nothing is counted or refused: brute force is unlimited. Reported by doctor as a FAIL. */
    INSECURE_OFF
  }

  public LoginThrottleSettings {
    Objects.requireNonNull(mode, "mode");
    requireAtLeast("freeFailures", freeFailures, 0);
    requirePositive("delay", delay);
    requirePositive("maxDelay", maxDelay);
    requireAtLeast("lockoutFailures", lockoutFailures, freeFailures + 1);
    requirePositive("lockoutDuration", lockoutDuration);
    requireAtLeast("accountFailures", accountFailures, lockoutFailures);
    requirePositive("knownAddressPeriod", knownAddressPeriod);
    requireAtLeast("addressBurst", addressBurst, 1);
    requirePositive("addressInterval", addressInterval);
    if (maxDelay.compareTo(delay) < 0) {
      throw ValidationException.of(
          "maxDelay", "at-least-delay", "invalid maxDelay " + maxDelay + "; must be >= delay");
    }
  }

  public static LoginThrottleSettings defaults() {
    return new LoginThrottleSettings(
        Mode.ENFORCED,
        3,
        Duration.ofSeconds(1),
        Duration.ofMinutes(1),
        10,
        Duration.ofMinutes(15),
        100,
        Duration.ofDays(30),
        30,
        Duration.ofSeconds(10));
  }

  private static void requireAtLeast(String field, int value, int min) {
    if (value < min) {
      throw ValidationException.of(
          field, "minimum", "invalid " + field + " " + value + "; must be at least " + min);
    }
  }

  private static void requirePositive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw ValidationException.of(
          field, "positive", "invalid " + field + " " + value + "; must be positive");
    }
  }
}

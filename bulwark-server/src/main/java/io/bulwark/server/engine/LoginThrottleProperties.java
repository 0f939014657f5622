package io.bulwark.server.engine;

import io.bulwark.engine.api.LoginThrottleSettings;
import io.bulwark.engine.api.LoginThrottleSettings.Mode;
import io.bulwark.engine.api.ValidationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling (A5), bound from {@code bulwark.login-throttle.*}. Every default is the safe
 * value. A value that makes no sense (zero, negative, a lockout below the free failures, a period
 * beyond its cap) refuses to start; a value that merely weakens the throttle starts and is a {@code
 * doctor} FAIL ({@link A5LoginThrottleCheck}), which refuses a production start (O2).
 *
 * @param allowInsecureOff {@code true} switches throttling off (default {@code false})
 * @param freeFailures failures of one account from one address before delays start (default 3)
 * @param delay the first delay, doubled at each further failure (default 1 s)
 * @param maxDelay the longest delay (default 1 min)
 * @param lockoutFailures failures of one account from one address that lock it for that address
 *     (default 10)
 * @param lockoutDuration how long a lock lasts after the last failure (default 15 min, at most 7
 *     days)
 * @param accountFailures failures of one account from all addresses within the lockout duration
 *     that lock it for every address its user has not signed in from lately (default 100)
 * @param knownAddressPeriod how long an address the user signed in from stays exempt from the
 *     account-wide lock (default 30 days, at most 365)
 * @param addressBurst failures one client address may make in a row, whatever the accounts (default
 *     30)
 * @param addressInterval after the burst, one more failure per interval (default 10 s)
 */
@ConfigurationProperties("bulwark.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("false") boolean allowInsecureOff,
    @DefaultValue("3") int freeFailures,
    @DefaultValue("PT1S") Duration delay,
    @DefaultValue("PT1M") Duration maxDelay,
    @DefaultValue("10") int lockoutFailures,
    @DefaultValue("PT15M") Duration lockoutDuration,
    @DefaultValue("100") int accountFailures,
    @DefaultValue("P30D") Duration knownAddressPeriod,
    @DefaultValue("30") int addressBurst,
    @DefaultValue("PT10S") Duration addressInterval) {

  static final Duration MAX_DELAY_CAP = Duration.ofHours(1);
  static final Duration MAX_LOCKOUT = Duration.ofDays(7);
  static final Duration MAX_KNOWN_PERIOD = Duration.ofDays(365);

  public LoginThrottleProperties {
    try {
      toEngineSettings(
          allowInsecureOff,
          freeFailures,
          delay,
          maxDelay,
          lockoutFailures,
          lockoutDuration,
          accountFailures,
          knownAddressPeriod,
          addressBurst,
          addressInterval);
    } catch (ValidationException e) {
      throw new IllegalArgumentException(
          "invalid bulwark.login-throttle setting: " + e.getMessage() + " (A5)", e);
    }
    requireAtMost("max-delay", maxDelay, MAX_DELAY_CAP);
    requireAtMost("lockout-duration", lockoutDuration, MAX_LOCKOUT);
    requireAtMost("known-address-period", knownAddressPeriod, MAX_KNOWN_PERIOD);
    requireAtMost("address-interval", addressInterval, MAX_DELAY_CAP);
  }

  /** The engine's settings for these properties. */
  public LoginThrottleSettings engineSettings() {
    return toEngineSettings(
        allowInsecureOff,
        freeFailures,
        delay,
        maxDelay,
        lockoutFailures,
        lockoutDuration,
        accountFailures,
        knownAddressPeriod,
        addressBurst,
        addressInterval);
  }

  private static LoginThrottleSettings toEngineSettings(
      boolean off,
      int freeFailures,
      Duration delay,
      Duration maxDelay,
      int lockoutFailures,
      Duration lockoutDuration,
      int accountFailures,
      Duration knownAddressPeriod,
      int addressBurst,
      Duration addressInterval) {
    return new LoginThrottleSettings(
        off ? Mode.INSECURE_OFF : Mode.ENFORCED,
        freeFailures,
        delay,
        maxDelay,
        lockoutFailures,
        lockoutDuration,
        accountFailures,
        knownAddressPeriod,
        addressBurst,
        addressInterval);
  }

  private static void requireAtMost(String name, Duration value, Duration cap) {
    if (value.compareTo(cap) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.login-throttle."
              + name
              + " "
              + value
              + "; must be at most "
              + cap
              + " (A5)");
    }
  }
}

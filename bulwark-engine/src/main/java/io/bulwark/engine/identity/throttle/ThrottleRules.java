package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.api.LoginAdmission.Verdict;
import io.bulwark.engine.api.LoginThrottleSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The throttle's arithmetic, without the database (A5). Failures of one account from one address
 * are remembered for the lockout duration after the last one; past the free failures each attempt
 * must wait a delay that doubles per failure up to the maximum; at the lockout count the account is
 * locked for that address until the memory runs out. The client address's failure rate is a generic
 * cell rate algorithm: one timestamp per address, the time its bucket is empty again. Immutable and
 * thread-safe.
 */
final class ThrottleRules {

  private final LoginThrottleSettings settings;

  ThrottleRules(LoginThrottleSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The failures of a row still remembered at {@code now}. */
  int remembered(ThrottleRow row, Instant now) {
    return row.lastAttempt().plus(settings.lockoutDuration()).isAfter(now) ? row.failures() : 0;
  }

  /**
   * Whether the user signed in from the row's address lately: exempt from the account-wide lock.
   */
  boolean isKnownAddress(ThrottleRow row, Instant now) {
    return row.lastSuccess() != null
        && row.lastSuccess().plus(settings.knownAddressPeriod()).isAfter(now);
  }

  /**
   * The verdict for an account from one address.
   *
   * @param otherFailures the remembered failures of the account from all other addresses
   */
  Verdict accountVerdict(ThrottleRow row, int otherFailures, Instant now) {
    int failures = remembered(row, now);
    if (failures >= settings.lockoutFailures()) {
      return Verdict.LOCKED;
    }
    if (failures >= settings.freeFailures()
        && now.isBefore(row.lastAttempt().plus(delayAfter(failures)))) {
      return Verdict.DELAYED;
    }
    if (!isKnownAddress(row, now) && failures + otherFailures >= settings.accountFailures()) {
      return Verdict.ACCOUNT_LOCKED;
    }
    return failures + 1 == settings.lockoutFailures()
        ? Verdict.ADMITTED_LAST_BEFORE_LOCKOUT
        : Verdict.ADMITTED;
  }

  /** The wait after {@code failures} failures: none up to the free ones, then doubling. */
  Duration delayAfter(int failures) {
    int steps = failures - settings.freeFailures();
    if (steps < 0) {
      return Duration.ZERO;
    }
    Duration delay = settings.delay();
    for (int i = 0; i < steps && delay.compareTo(settings.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxDelay()) < 0 ? delay : settings.maxDelay();
  }

  /** When a lock of this row ends. */
  Instant lockedUntil(ThrottleRow row) {
    return row.lastAttempt().plus(settings.lockoutDuration());
  }

  /**
   * Takes one slot of an address's rate (GCRA).
   *
   * @param emptyAt when the address's bucket is empty again (the stored value; the epoch if none)
   * @return the new value to store, or empty when the address is over its rate
   */
  Optional<Instant> takeAddressSlot(Instant emptyAt, Instant now) {
    Instant start = emptyAt.isAfter(now) ? emptyAt : now;
    Duration allowance = settings.addressInterval().multipliedBy(settings.addressBurst() - 1L);
    if (Duration.between(now, start).compareTo(allowance) > 0) {
      return Optional.empty();
    }
    return Optional.of(start.plus(settings.addressInterval()));
  }

  /** Gives a slot back after a success. */
  Instant returnAddressSlot(Instant emptyAt, Instant now) {
    Instant back = emptyAt.minus(settings.addressInterval());
    return back.isAfter(now) ? back : now;
  }

  /** Rows last touched before this may go unless their address is known. */
  Instant forgetBefore(Instant now) {
    return now.minus(settings.lockoutDuration());
  }

  /** Known addresses older than this may go. */
  Instant knownSince(Instant now) {
    return now.minus(settings.knownAddressPeriod());
  }
}

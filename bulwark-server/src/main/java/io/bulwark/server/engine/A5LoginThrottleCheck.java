package io.bulwark.server.engine;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Doctor check A5: FAIL when login throttling is off or weaker than the baseline allows: more than
 * {@value #MAX_LOCKOUT_FAILURES} failures per account and address before a lock, a lock shorter
 * than {@link #MIN_LOCKOUT}, more than {@value #MAX_FREE_FAILURES} free failures, more than {@value
 * #MAX_ACCOUNT_FAILURES} account-wide failures, or a client address allowed more than {@value
 * #MAX_ADDRESS_BURST} failures in a row or one failure more often than every {@link
 * #MIN_ADDRESS_INTERVAL}.
 */
public final class A5LoginThrottleCheck implements LocalCheck {

  static final int MAX_FREE_FAILURES = 5;
  static final int MAX_LOCKOUT_FAILURES = 20;
  static final Duration MIN_LOCKOUT = Duration.ofMinutes(5);
  static final int MAX_ACCOUNT_FAILURES = 1000;
  static final int MAX_ADDRESS_BURST = 100;
  static final Duration MIN_ADDRESS_INTERVAL = Duration.ofSeconds(1);

  private final LoginThrottleProperties settings;

  public A5LoginThrottleCheck(LoginThrottleProperties settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "A5";
  }

  @Override
  public Finding run() {
    if (settings.allowInsecureOff()) {
      return Finding.fail(
          id(),
          "login throttling is off: password guessing is unlimited",
          "remove bulwark.login-throttle.allow-insecure-off");
    }
    List<String> weak = new ArrayList<>();
    if (settings.freeFailures() > MAX_FREE_FAILURES) {
      weak.add("free-failures " + settings.freeFailures() + " > " + MAX_FREE_FAILURES);
    }
    if (settings.lockoutFailures() > MAX_LOCKOUT_FAILURES) {
      weak.add("lockout-failures " + settings.lockoutFailures() + " > " + MAX_LOCKOUT_FAILURES);
    }
    if (settings.lockoutDuration().compareTo(MIN_LOCKOUT) < 0) {
      weak.add("lockout-duration " + settings.lockoutDuration() + " < " + MIN_LOCKOUT);
    }
    if (settings.accountFailures() > MAX_ACCOUNT_FAILURES) {
      weak.add("account-failures " + settings.accountFailures() + " > " + MAX_ACCOUNT_FAILURES);
    }
    if (settings.addressBurst() > MAX_ADDRESS_BURST) {
      weak.add("address-burst " + settings.addressBurst() + " > " + MAX_ADDRESS_BURST);
    }
    if (settings.addressInterval().compareTo(MIN_ADDRESS_INTERVAL) < 0) {
      weak.add("address-interval " + settings.addressInterval() + " < " + MIN_ADDRESS_INTERVAL);
    }
    String values =
        "lock after "
            + settings.lockoutFailures()
            + " failures per account and address for "
            + settings.lockoutDuration()
            + ", delays from failure "
            + (settings.freeFailures() + 1)
            + ", account-wide lock at "
            + settings.accountFailures()
            + ", "
            + settings.addressBurst()
            + " failures per address then one per "
            + settings.addressInterval();
    if (weak.isEmpty()) {
      return Finding.pass(id(), values);
    }
    return Finding.fail(
        id(),
        "login throttling is weakened: " + String.join(", ", weak),
        "set bulwark.login-throttle.* within those bounds, or remove them for the defaults");
  }
}

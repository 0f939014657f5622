package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class A5LoginThrottleCheckTest {

  private static LoginThrottleProperties defaults() {
    return new LoginThrottleProperties(
        false,
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

  private static Finding check(LoginThrottleProperties properties) {
    return new A5LoginThrottleCheck(properties).run();
  }

  @Test
  void a5_defaultsPass() {
    assertThat(check(defaults()).status()).isEqualTo(CheckStatus.PASS);
    assertThat(defaults().engineSettings())
        .isEqualTo(io.bulwark.engine.api.LoginThrottleSettings.defaults());
  }

  @Test
  void a5_failsWhenThrottlingIsOff() {
    LoginThrottleProperties d = defaults();
    LoginThrottleProperties off =
        new LoginThrottleProperties(
            true,
            d.freeFailures(),
            d.delay(),
            d.maxDelay(),
            d.lockoutFailures(),
            d.lockoutDuration(),
            d.accountFailures(),
            d.knownAddressPeriod(),
            d.addressBurst(),
            d.addressInterval());
    Finding finding = check(off);
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("off");
  }

  @Test
  void a5_failsWhenThrottlingIsWeakened() {
    LoginThrottleProperties d = defaults();
    LoginThrottleProperties weak =
        new LoginThrottleProperties(
            false,
            d.freeFailures(),
            d.delay(),
            d.maxDelay(),
            50,
            Duration.ofMinutes(1),
            d.accountFailures(),
            d.knownAddressPeriod(),
            1000,
            Duration.ofMillis(100));
    Finding finding = check(weak);
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message())
        .contains("lockout-failures 50 > 20")
        .contains("lockout-duration PT1M < PT5M")
        .contains("address-burst 1000 > 100")
        .contains("address-interval PT0.1S < PT1S");
  }

  @Test
  void a5_nonsenseRefusesToStart() {
    assertThatThrownBy(
            () ->
                new LoginThrottleProperties(
                    false,
                    3,
                    Duration.ZERO,
                    Duration.ofMinutes(1),
                    10,
                    Duration.ofMinutes(15),
                    100,
                    Duration.ofDays(30),
                    30,
                    Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay");
    assertThatThrownBy(
            () ->
                new LoginThrottleProperties(
                    false,
                    3,
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(1),
                    2,
                    Duration.ofMinutes(15),
                    100,
                    Duration.ofDays(30),
                    30,
                    Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lockoutFailures");
  }
}

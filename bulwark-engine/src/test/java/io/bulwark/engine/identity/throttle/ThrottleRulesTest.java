package io.bulwark.engine.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.LoginThrottleSettings;
import io.bulwark.engine.api.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleRulesTest {

  private final ThrottleRules rules = new ThrottleRules(LoginThrottleSettings.defaults());

  @Test
  void a5_delaysDoubleAfterTheFreeFailuresUpToTheMaximum() {
    assertThat(rules.delayAfter(2)).isEqualTo(Duration.ZERO);
    assertThat(rules.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(rules.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(rules.delayAfter(8)).isEqualTo(Duration.ofSeconds(32));
    assertThat(rules.delayAfter(9)).isEqualTo(Duration.ofMinutes(1));
    assertThat(rules.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a5_addressRateLetsTheBurstThenOnePerInterval() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Instant emptyAt = Instant.EPOCH;
    for (int i = 0; i < 30; i++) {
      emptyAt = rules.takeAddressSlot(emptyAt, now).orElseThrow();
    }
    assertThat(rules.takeAddressSlot(emptyAt, now)).isEmpty();
    assertThat(rules.takeAddressSlot(emptyAt, now.plusSeconds(10))).isPresent();
    assertThat(rules.returnAddressSlot(emptyAt, now)).isEqualTo(emptyAt.minusSeconds(10));
  }

  @Test
  void a5_clientAddressesAreIpLiteralsAndIpv6CountsPerSlash64() {
    assertThat(ClientAddresses.key("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddresses.key("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddresses.key("[::1]")).isEqualTo("0:0:0:0::/64");
    assertThatThrownBy(() -> ClientAddresses.key("example.com"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ClientAddresses.key("1.2.3.4\n"))
        .isInstanceOf(ValidationException.class);
  }
}

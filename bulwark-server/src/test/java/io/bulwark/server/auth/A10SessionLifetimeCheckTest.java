package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class A10SessionLifetimeCheckTest {

  @Test
  void a10_defaultsPassAndNameTheValues() {
    Finding finding = check(Duration.ofMinutes(30), Duration.ofHours(8));

    assertThat(finding.checkId()).isEqualTo("A10");
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("PT30M").contains("PT8H");
  }

  @Test
  void a10_shorterTimeoutsPass() {
    assertThat(check(Duration.ofMinutes(5), Duration.ofHours(1)).status())
        .isEqualTo(CheckStatus.PASS);
  }

  @Test
  void a10_longerIdleTimeoutWarns() {
    Finding finding = check(Duration.ofHours(2), Duration.ofHours(8));

    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message()).contains("PT2H");
    assertThat(finding.fix()).contains("bulwark.session.idle-timeout");
  }

  @Test
  void a10_longerAbsoluteTimeoutWarns() {
    Finding finding = check(Duration.ofMinutes(30), Duration.ofHours(24));

    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message()).contains("absolute timeout PT24H");
    assertThat(finding.fix()).contains("bulwark.session.absolute-timeout");
  }

  @Test
  void a10_sessionOfDaysFails() {
    Finding finding = check(Duration.ofMinutes(30), Duration.ofDays(7));

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("absolute timeout PT168H", "PT24H absolute");
    assertThat(finding.fix()).contains("bulwark.session.absolute-timeout");
  }

  @Test
  void a10_idleTimeoutOfHoursFails() {
    Finding finding = check(Duration.ofHours(3), Duration.ofHours(8));

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("idle timeout PT3H", "longer than PT2H idle");
  }

  private static Finding check(Duration idle, Duration absolute) {
    return new A10SessionLifetimeCheck(new SessionSettings(idle, absolute, Duration.ofMinutes(1)))
        .run();
  }
}

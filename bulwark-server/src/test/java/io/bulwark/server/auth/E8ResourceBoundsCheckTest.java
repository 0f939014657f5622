package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class E8ResourceBoundsCheckTest {

  private static final long GIB = 1L << 30;

  @Test
  void e8_defaultsPassOnAOneGibHeap() {
    assertThat(
            new E8ResourceBoundsCheck(
                    PasswordCheckSettings.defaults(), new SessionLimitSettings(5, 10_000), GIB)
                .run()
                .status())
        .isEqualTo(CheckStatus.PASS);
  }

  @Test
  void e8_failsWhenPasswordChecksCouldTakeHalfTheHeap() {
    var finding =
        new E8ResourceBoundsCheck(
                new PasswordCheckSettings(16, Duration.ofSeconds(1)),
                new SessionLimitSettings(5, 10_000),
                GIB)
            .run();
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("16 at once (1024 MiB of a 1024 MiB heap)");
  }

  @Test
  void e8_warnsOnALongWaitOrManySessions() {
    assertThat(
            new E8ResourceBoundsCheck(
                    new PasswordCheckSettings(2, Duration.ofSeconds(8)),
                    new SessionLimitSettings(5, 10_000),
                    GIB)
                .run()
                .status())
        .isEqualTo(CheckStatus.WARN);
  }
}

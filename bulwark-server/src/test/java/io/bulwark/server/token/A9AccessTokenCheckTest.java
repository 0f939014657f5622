package io.bulwark.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class A9AccessTokenCheckTest {

  @Test
  void a9_passesForBoundTokensOfFifteenMinutes() {
    A9AccessTokenCheck check =
        new A9AccessTokenCheck(new ApiTokenSettings(Duration.ofMinutes(15), false));
    assertThat(check.run().status()).isEqualTo(CheckStatus.PASS);
    assertThat(check.run().message()).contains("bound to the client address");
  }

  @Test
  void a9_warnsWhenTokensAreUnboundOrLiveLong() {
    assertThat(
            new A9AccessTokenCheck(new ApiTokenSettings(Duration.ofMinutes(15), true))
                .run()
                .status())
        .isEqualTo(CheckStatus.WARN);
    assertThat(
            new A9AccessTokenCheck(new ApiTokenSettings(Duration.ofHours(2), false)).run().status())
        .isEqualTo(CheckStatus.WARN);
  }
}

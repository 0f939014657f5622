package io.bulwark.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bulwark.server.doctor.CheckStatus;
import org.junit.jupiter.api.Test;

class W14RateLimitsCheckTest {

  @Test
  void w14_gradesTheTokenIssueLimit() {
    assertThat(new W14RateLimitsCheck(new TokenIssueSettings(10)).run().status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(new W14RateLimitsCheck(new TokenIssueSettings(50)).run().status())
        .isEqualTo(CheckStatus.WARN);
    assertThat(new W14RateLimitsCheck(new TokenIssueSettings(500)).run().status())
        .isEqualTo(CheckStatus.FAIL);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TokenIssueSettings(0))
        .withMessageContaining("bulwark.api.token-issue-limit");
  }
}

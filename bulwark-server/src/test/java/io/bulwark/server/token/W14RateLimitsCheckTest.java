package io.bulwark.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bulwark.server.access.ApiRateLimitSettings;
import io.bulwark.server.doctor.CheckStatus;
import org.junit.jupiter.api.Test;

class W14RateLimitsCheckTest {

  private static final ApiRateLimitSettings DEFAULT_RATES =
      new ApiRateLimitSettings(100, 200, false);

  @Test
  void w14_gradesTheTokenIssueLimit() {
    assertThat(new W14RateLimitsCheck(new TokenIssueSettings(10), DEFAULT_RATES).run().status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(new W14RateLimitsCheck(new TokenIssueSettings(50), DEFAULT_RATES).run().status())
        .isEqualTo(CheckStatus.WARN);
    assertThat(new W14RateLimitsCheck(new TokenIssueSettings(500), DEFAULT_RATES).run().status())
        .isEqualTo(CheckStatus.FAIL);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TokenIssueSettings(0))
        .withMessageContaining("bulwark.api.token-issue-limit");
  }

  @Test
  void w14_gradesTheRequestRateLimits() {
    TokenIssueSettings tokens = new TokenIssueSettings(10);
    assertThat(new W14RateLimitsCheck(tokens, DEFAULT_RATES).run().message())
        .contains("100/s per user")
        .contains("200/s per client address");
    assertThat(
            new W14RateLimitsCheck(tokens, new ApiRateLimitSettings(5000, 200, false))
                .run()
                .status())
        .isEqualTo(CheckStatus.WARN);
    assertThat(
            new W14RateLimitsCheck(tokens, new ApiRateLimitSettings(100, 200, true)).run().status())
        .isEqualTo(CheckStatus.FAIL);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ApiRateLimitSettings(0, 200, false))
        .withMessageContaining("bulwark.api.rate-limit.per-principal");
  }
}

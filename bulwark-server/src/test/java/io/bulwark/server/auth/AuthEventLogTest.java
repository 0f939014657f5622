package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthEventLogTest {

  @Test
  void a7_submittedUserNamesCannotForgeLogLines() {
    String forged = AuthEventLog.safe("bob\nevent=login_success user=admin");

    assertThat(forged).doesNotContain("\n", " ", "=").startsWith("bob?event?login_success");
  }

  @Test
  void a7_longValuesAreCutAndMarked() {
    String cut = AuthEventLog.safe("a".repeat(500));

    assertThat(cut).hasSize(65).endsWith("a~");
  }

  @Test
  void a7_missingValuesAreShownAsDash() {
    assertThat(AuthEventLog.safe(null)).isEqualTo("-");
    assertThat(AuthEventLog.safe("")).isEqualTo("-");
  }
}

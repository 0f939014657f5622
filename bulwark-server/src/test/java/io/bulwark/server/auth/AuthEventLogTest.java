package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthEventLogTest {

  @Test
  void a7_submittedUserNamesCannotForgeEntries() {
    String forged = AuthEventLog.jsonString("bob\",\"event\":\"login_success\"\n\u2028\u0085x");

    assertThat(forged)
        .isEqualTo("\"bob\\\",\\\"event\\\":\\\"login_success\\\"\\u000a\\u2028\\u0085x\"");
  }

  @Test
  void a7_longValuesAreCutAndMarked() {
    String cut = AuthEventLog.jsonString("a".repeat(500));

    assertThat(cut).hasSize(67).endsWith("a~\"");
  }

  @Test
  void a7_missingValuesAreNull() {
    assertThat(AuthEventLog.jsonString(null)).isEqualTo("null");
    assertThat(AuthEventLog.jsonString("")).isEqualTo("\"\"");
  }
}

package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import org.junit.jupiter.api.Test;

/** Doctor check T6 grades how the configured database is reached (issue 17). */
class T6DatabaseTlsCheckTest {

  private static Finding check(String url) {
    return new T6DatabaseTlsCheck(new DatabaseSettings(url, url == null ? null : "bulwark", null))
        .run();
  }

  @Test
  void t6_remoteDatabaseWithoutVerificationFails() {
    Finding finding = check("jdbc:postgresql://db.example:5432/bulwark");

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("[db.example]", "prefer", "not verified");
    assertThat(finding.fix()).contains("sslmode=verify-full");
    assertThat(check("jdbc:postgresql://10.0.0.7/bulwark?sslmode=require").status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(check("jdbc:postgresql://localhost,db.example:5433/b?sslmode=disable").status())
        .isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void t6_remoteDatabaseWithoutHostNameCheckWarns() {
    assertThat(check("jdbc:postgresql://db.example/bulwark?sslmode=verify-ca").status())
        .isEqualTo(CheckStatus.WARN);
  }

  @Test
  void t6_verifiedTlsLoopbackAndEmbeddedPass() {
    assertThat(check("jdbc:postgresql://db.example/bulwark?ApplicationName=b&sslmode=verify-full"))
        .extracting(Finding::status)
        .isEqualTo(CheckStatus.PASS);
    assertThat(check("jdbc:postgresql://127.0.0.1:5432/bulwark").status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(check("jdbc:postgresql://[::1]:5432/bulwark").status()).isEqualTo(CheckStatus.PASS);
    assertThat(check("jdbc:postgresql:bulwark").status()).isEqualTo(CheckStatus.PASS);
    assertThat(check("jdbc:postgresql://db.example/bulwark?ssl=true").status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(check(null).status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void t6_otherDatabasesAreNotJudged() {
    assertThat(check("jdbc:h2:tcp://db.example/bulwark").status()).isEqualTo(CheckStatus.WARN);
  }
}

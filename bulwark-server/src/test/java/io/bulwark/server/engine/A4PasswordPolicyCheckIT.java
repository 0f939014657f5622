package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.spi.PasswordPolicy;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalDoctor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor check A4 over a real data directory: PASS at the baseline, FAIL for each weakening. */
class A4PasswordPolicyCheckIT {

  @Test
  void a4_doctorPassesTheDefaultPolicy(@TempDir Path dataDir) {
    Finding finding = a4(dataDir);

    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message())
        .contains("min-length {minLength=12}", "common-password", "sample passwords refused");
  }

  @Test
  void a4_doctorFailsAMinimumUnderTwelve(@TempDir Path dataDir) {
    Finding finding = a4(dataDir, "--bulwark.password.min-length=8");

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message())
        .contains("minimum length 8 (baseline 12)", "accepts an 11-character password");
    assertThat(finding.fix()).contains("min-length");
  }

  @Test
  void a4_doctorFailsAMaximumUnder128(@TempDir Path dataDir) {
    Finding finding = a4(dataDir, "--bulwark.password.max-length=64");

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("maximum length 64");
  }

  @Test
  void a4_doctorFailsWhenTheListOfCommonPasswordsIsOff(@TempDir Path dataDir) {
    Finding finding = a4(dataDir, "--bulwark.password.common-passwords=allow-insecure");

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message())
        .contains("the list of common passwords is off", "accepts 'Password1234'");
  }

  @Test
  void a4_doctorFailsACustomPolicyThatAcceptsABaselineSample(@TempDir Path dataDir) {
    PasswordPolicy lengthOnly =
        new PasswordPolicy() {
          @Override
          public List<PasswordRule> rules() {
            return List.of(
                new PasswordRule("min-length", Map.of("minLength", "12")),
                PasswordRule.of("common-password"));
          }

          @Override
          public Set<String> brokenRules(PasswordCandidate candidate) {
            return candidate.password().length() < 12 ? Set.of("min-length") : Set.of();
          }
        };
    try (BulwarkEngine engine =
        BulwarkEngine.builder().embedded(dataDir).passwordPolicy(lengthOnly).build()) {
      Finding finding = new A4PasswordPolicyCheck(engine.identityService()).run();

      assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(finding.message())
          .contains("accepts 'Password1234'", "accepts fourteen spaces", "the user's own ID")
          .doesNotContain("minimum length");
    }
  }

  private static Finding a4(Path dataDir, String... settings) {
    // No logging level here: LocalDoctor's context sets the JVM's levels, which the server tests
    // of the same JVM (AccessTokenIT reads bulwark.auth at INFO) would then inherit.
    String[] args = new String[settings.length + 1];
    args[0] = "--bulwark.data-dir=" + dataDir;
    System.arraycopy(settings, 0, args, 1, settings.length);
    DoctorReport report = LocalDoctor.run(args);
    return report.findings().stream()
        .filter(f -> f.checkId().equals("A4"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no A4 finding in " + report.findings()));
  }
}

package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalDoctor;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor check Z1 over a real embedded data directory, before and after a global rule. */
class Z1GlobalGrantsCheckIT {

  @Test
  void z1_doctorFailsWhenAGlobalRuleGrantsAnAdministrativeResource(@TempDir Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine
          .authorizationService()
          .createRule(
              engine.trustedApplication("test"),
              new NewAuthorizationRule("GLOBAL", null, null, "TASK", "*", Set.of("READ")));
    }
    Finding wide = z1(dataDir);
    // Z1 is partial in the baseline registry: a WARN is reported as NOT-IMPLEMENTED with it.
    assertThat(wide.status()).isIn(CheckStatus.WARN, CheckStatus.NOT_IMPLEMENTED);
    assertThat(wide.message()).contains("(TASK)");

    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      Principal admin = Principal.user("admin", "bulwark-admins");
      engine
          .authorizationService()
          .createRule(
              admin, new NewAuthorizationRule("GLOBAL", null, null, "USER", "*", Set.of("ALL")));
    }
    Finding administrative = z1(dataDir);
    assertThat(administrative.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(administrative.message()).contains("(USER)");
    assertThat(administrative.fix()).isNotEmpty();
  }

  @Test
  void z1_aFreshDatabaseDeniesByDefault(@TempDir Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(engine.authorizationService()).isNotNull();
    }
    Finding finding = z1(dataDir);
    // Z1 is partial in the baseline registry: a passing check reports what is still missing.
    assertThat(finding.status()).isIn(CheckStatus.PASS, CheckStatus.NOT_IMPLEMENTED);
    assertThat(finding.message()).contains("deny by default");
  }

  private static Finding z1(Path dataDir) {
    DoctorReport report =
        LocalDoctor.run("--bulwark.data-dir=" + dataDir, "--logging.level.root=WARN");
    return report.findings().stream()
        .filter(f -> f.checkId().equals("Z1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Z1 finding in " + report.findings()));
  }
}

package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalDoctor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor check Z8 over a real embedded data directory, before and after a grant to a user. */
class Z8DirectGrantsCheckIT {

  @Test
  void z8_doctorWarnsWhenAUserHoldsAGrantDirectly(@TempDir Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine
          .authorizationService()
          .createRule(
              engine.trustedApplication("test"),
              NewAuthorizationRule.revokeFromUser("dora", "TASK", "*", "READ"));
    }
    Finding clean = z8(dataDir);
    assertThat(clean.status()).isEqualTo(CheckStatus.PASS);
    assertThat(clean.message()).contains("explain");

    String ruleId;
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      AuthorizationRule direct =
          engine
              .authorizationService()
              .createRule(
                  engine.trustedApplication("test"),
                  NewAuthorizationRule.grantToUser("dora", "PROCESS_DEFINITION", "*", "READ"));
      ruleId = direct.id();
    }
    Finding warned = z8(dataDir);
    assertThat(warned.status()).isEqualTo(CheckStatus.WARN);
    assertThat(warned.message()).contains(ruleId).contains("user dora");
    assertThat(warned.fix()).contains("group");
  }

  private static Finding z8(Path dataDir) {
    DoctorReport report =
        LocalDoctor.run("--bulwark.data-dir=" + dataDir, "--logging.level.root=WARN");
    return report.findings().stream()
        .filter(f -> f.checkId().equals("Z8"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Z8 finding in " + report.findings()));
  }
}

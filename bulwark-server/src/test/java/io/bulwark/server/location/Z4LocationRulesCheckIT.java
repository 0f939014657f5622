package io.bulwark.server.location;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRule.Effect;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalDoctor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor check Z4 over a real embedded data directory: the defaults, then rules that open up. */
class Z4LocationRulesCheckIT {

  @Test
  void z4_doctorPassesOnTheDefaultsAndFailsWhenAnonymousCallersReachTheApi(@TempDir Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(engine.locationRuleService()).isNotNull();
    }
    Finding defaults = z4(dataDir);
    assertThat(defaults.status()).isEqualTo(CheckStatus.PASS);

    String shadowed;
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      Principal app = engine.trustedApplication("test");
      engine
          .locationRuleService()
          .createRule(app, new NewLocationRule("/engine-rest/**", Effect.DENY, "?"), 0);
      shadowed =
          engine
              .locationRuleService()
              .createRule(app, new NewLocationRule("/engine-rest/version", Effect.ALLOW, "*"), 1)
              .id();
    }
    Finding wide = z4(dataDir);
    assertThat(wide.status()).isEqualTo(CheckStatus.WARN);
    assertThat(wide.message()).contains(shadowed);

    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine
          .locationRuleService()
          .createRule(
              engine.trustedApplication("test"),
              new NewLocationRule("/app/cockpit/**", Effect.ALLOW, "?"),
              0);
    }
    Finding open = z4(dataDir);
    assertThat(open.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(open.message()).contains("/app/cockpit");
    assertThat(open.fix()).isNotEmpty();
  }

  @Test
  void z4_doctorFailsOnAnEmptyRuleSet(@TempDir Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      Principal app = engine.trustedApplication("test");
      for (LocationRule rule : engine.locationRuleService().findRules(app)) {
        engine.locationRuleService().deleteRule(app, rule.id());
      }
    }
    Finding empty = z4(dataDir);
    assertThat(empty.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(empty.message()).contains("empty");
  }

  private static Finding z4(Path dataDir) {
    DoctorReport report =
        LocalDoctor.run("--bulwark.data-dir=" + dataDir, "--logging.level.root=WARN");
    return report.findings().stream()
        .filter(f -> f.checkId().equals("Z4"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Z4 finding in " + report.findings()));
  }
}

package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.HostileModelOutcome;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPolicyCheckTest {

  private static final HostileModelOutcome XXE_REFUSED =
      new HostileModelOutcome("E1", "external entity", true, "DOCTYPE is not allowed");
  private static final HostileModelOutcome SCRIPT_REFUSED =
      new HostileModelOutcome("E3", "script task", true, "script tasks are disabled (E3)");

  @Test
  void e1_passesWhenEveryHostileModelIsRefused() {
    Finding finding = new ModelPolicyCheck("E1", () -> List.of(XXE_REFUSED, SCRIPT_REFUSED)).run();

    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("external entity").doesNotContain("script task");
  }

  @Test
  void e3_failsWhenTheParserAcceptedAScript() {
    var accepted = new HostileModelOutcome("E3", "script task", false, "accepted by the parser");

    Finding finding = new ModelPolicyCheck("E3", () -> List.of(XXE_REFUSED, accepted)).run();

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("accepted hostile models: script task");
  }

  @Test
  void e2_failsWhenTheSelfTestHasNoCaseForIt() {
    Finding finding = new ModelPolicyCheck("E2", () -> List.of(XXE_REFUSED)).run();

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
  }
}

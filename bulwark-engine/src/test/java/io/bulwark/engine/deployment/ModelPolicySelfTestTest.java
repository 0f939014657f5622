package io.bulwark.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.HostileModelOutcome;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.ScriptPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPolicySelfTestTest {

  @Test
  void e1_e2_e3_theDefaultParserRefusesEveryHostileModel() {
    List<HostileModelOutcome> outcomes = ModelPolicySelfTest.of(ParseOptions.defaults()).run();

    assertThat(outcomes).extracting(HostileModelOutcome::requirementId).contains("E1", "E2", "E3");
    assertThat(outcomes).allSatisfy(o -> assertThat(o.refused()).as(o.attack()).isTrue());
    assertThat(outcomes)
        .filteredOn(o -> o.attack().startsWith("external entity"))
        .singleElement()
        .satisfies(o -> assertThat(o.answer()).contains("DOCTYPE is not allowed"));
    assertThat(outcomes)
        .filteredOn(o -> o.attack().equals("script task"))
        .singleElement()
        .satisfies(o -> assertThat(o.answer()).contains("E3"));
  }

  @Test
  void e3_scriptsStayRefusedWhenTheEmbeddingAllowsThem() {
    ParseOptions allow =
        ParseOptions.builder().scripts(ScriptPolicy.ALLOW_INSECURE_SCRIPTS).build();

    assertThat(ModelPolicySelfTest.of(allow).run())
        .allSatisfy(o -> assertThat(o.refused()).as(o.attack()).isTrue());
  }

  @Test
  void aParserThatAcceptsEverythingIsReported() {
    List<HostileModelOutcome> outcomes = new ModelPolicySelfTest(xml -> {}).run();

    assertThat(outcomes).isNotEmpty().noneMatch(HostileModelOutcome::refused);
    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o.answer()).isEqualTo("accepted by the parser"));
  }
}

package io.bulwark.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CamundaExpectedFailuresTest {

  private static final String LISTED = "parse/BpmnParseTest.testInvalid.bpmn20.xml";
  private static final String LIST =
      "# comment\n\n"
          + LISTED
          + "\tBpmnParseTest#testInvalid\tdeploy fails: a rule Camunda checks\n";

  @Test
  void theShippedListLoadsAndNamesAModelCamundaRefusesAtParse() {
    CamundaExpectedFailures shipped = CamundaExpectedFailures.load();

    assertThat(shipped.find("parse/BpmnParseTest.testInvalidProcessDefinition.bpmn20.xml"))
        .hasValueSatisfying(
            e ->
                assertThat(e.camundaTest())
                    .isEqualTo("BpmnParseTest#testInvalidProcessDefinition"));
  }

  @Test
  void aLineWithoutThreeFieldsFailsNamingItsLine() {
    assertThatThrownBy(() -> CamundaExpectedFailures.parse(LIST + "parse/x.bpmn\tOnlyTwo#fields\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("three non-empty tab-separated fields");
  }

  @Test
  void aCamundaTestThatIsNotClassHashMethodFails() {
    assertThatThrownBy(() -> CamundaExpectedFailures.parse("parse/x.bpmn\tBpmnParseTest\tfails\n"))
        .hasMessageContaining("line 1")
        .hasMessageContaining("Class#method");
  }

  @Test
  void aModelListedTwiceFails() {
    assertThatThrownBy(() -> CamundaExpectedFailures.parse(LIST + LIST))
        .hasMessageContaining(LISTED + " is listed twice");
  }

  @Test
  void marksTheRejectionsCamundaExpectsAndCountsThemApart() {
    ConformanceReport report =
        new ConformanceReport(
            List.of(
                rejected(LISTED),
                rejected("parse/LeftForLater.bpmn"),
                Outcome.deployed(model("parse/Deploys.bpmn"))),
            CamundaExpectedFailures.parse(LIST));

    assertThat(report.table())
        .contains("code-free models rejected: 2, of which Camunda's own tests expect 1 to fail")
        .contains("at most 2 of 3 (66.7 %) can deploy");
    assertThat(report.details())
        .contains("REJECTED (Camunda expects failure)  " + LISTED)
        .contains("Camunda's BpmnParseTest#testInvalid: deploy fails: a rule Camunda checks")
        .contains("REJECTED  parse/LeftForLater.bpmn");
    assertThat(report.reasons(10)).contains("1  element left for later").doesNotContain("rule");
    assertThat(report.deployedButCamundaExpectsFailure()).isEmpty();
    assertThat(report.listedButAbsent()).isEmpty();
  }

  @Test
  void namesAListedModelThatDeploys() {
    ConformanceReport report =
        new ConformanceReport(
            List.of(Outcome.deployed(model(LISTED))), CamundaExpectedFailures.parse(LIST));

    assertThat(report.deployedButCamundaExpectsFailure()).containsExactly(LISTED);
  }

  @Test
  void namesAListedModelMissingFromTheCorpus() {
    ConformanceReport report =
        new ConformanceReport(
            List.of(rejected("parse/Other.bpmn")), CamundaExpectedFailures.parse(LIST));

    assertThat(report.listedButAbsent()).containsExactly(LISTED);
  }

  private static Outcome rejected(String path) {
    String reason = path.equals(LISTED) ? "a rule Camunda checks" : "element left for later";
    return Outcome.rejected(model(path), reason);
  }

  private static Camunda7Corpus.Model model(String path) {
    return new Camunda7Corpus.Model(
        path, "parse", "<definitions/>".getBytes(StandardCharsets.UTF_8), true);
  }
}

package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Business rule tasks evaluating DMN decision tables (issue 16), after what Camunda's
 * DmnBusinessRuleTaskTest and its hit-policy tests assert: the result variable holds the mapped
 * result, each hit policy picks the rules it should, the binding picks the version, and a refused
 * or failing decision leaves nothing behind.
 */
class DecisionTableIT {

  @AutoClose private TestEngine engine;

  /**
   * A DMN 1.3 file with one decision table {@code key}: amount (number) in, result (string) out.
   */
  static String table(String key, String hitPolicy, String rules) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_%s"
            name="Test" namespace="http://bulwark.io/test">
          <decision id="%s" name="Decision %s">
            <decisionTable id="table_%s" %s>
              <input id="in1" label="Amount">
                <inputExpression id="ie1" typeRef="double"><text>amount</text></inputExpression>
              </input>
              <output id="out1" name="result" typeRef="string"/>
        %s
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(key, key, key, key, hitPolicy, rules);
  }

  static String rule(String id, String inputEntry, String outputEntry) {
    return """
          <rule id="%s">
            <inputEntry id="%s_in"><text>%s</text></inputEntry>
            <outputEntry id="%s_out"><text>%s</text></outputEntry>
          </rule>
        """
        .formatted(id, id, inputEntry, id, outputEntry);
  }

  static final String RULES =
      rule("small", "&lt; 250", "\"small\"")
          + rule("medium", "[250..1000]", "\"medium\"")
          + rule("any", "-", "\"any\"");

  /** A process that evaluates {@code decisionRef} with the given task attributes and waits. */
  static String ruleProcess(String id, String attributes) {
    return Models.process(
        id,
        """
            <bpmn:startEvent id="s"/>
            <bpmn:businessRuleTask id="decide" %s/>
            <bpmn:userTask id="after"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="decide"/>
            <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="after"/>
        """
            .formatted(attributes));
  }

  private void deploy(String name, String dmn, String bpmn) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(name + ".dmn", dmn.getBytes(StandardCharsets.UTF_8));
    if (bpmn != null) {
      resources.put(name + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    }
    engine.repository.deploy(ALICE, new DeploymentRequest(name, resources, null));
  }

  private Object resultOf(String processKey, double amount) {
    ProcessInstance instance = engine.start(processKey, Map.of("amount", amount));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
    return engine.runtimeService.getVariables(ALICE, instance.id()).get("result");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void firstHitPolicyWithSingleEntryStoresTheFirstMatchingOutput(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "first",
        table("classify", "hitPolicy=\"FIRST\"", RULES),
        ruleProcess(
            "p",
            "camunda:decisionRef=\"classify\" camunda:resultVariable=\"result\""
                + " camunda:mapDecisionResult=\"singleEntry\""));
    assertThat(resultOf("p", 100)).isEqualTo("small");
    assertThat(resultOf("p", 500)).isEqualTo("medium");
    assertThat(resultOf("p", 5000)).isEqualTo("any");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE activity_id = 'decide'"
                    + " AND activity_type = 'businessRuleTask' AND ended_at IS NOT NULL"))
        .isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void ruleOrderAndCollectGiveEveryMatchInRuleOrder(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "order",
        table("ordered", "hitPolicy=\"RULE ORDER\"", RULES),
        ruleProcess(
            "entries",
            "camunda:decisionRef=\"ordered\" camunda:resultVariable=\"result\""
                + " camunda:mapDecisionResult=\"collectEntries\""));
    assertThat(resultOf("entries", 100)).isEqualTo(List.of("small", "any"));
    deploy(
        "list",
        table("collected", "hitPolicy=\"COLLECT\"", RULES),
        ruleProcess("list", "camunda:decisionRef=\"collected\" camunda:resultVariable=\"result\""));
    assertThat(resultOf("list", 500))
        .isEqualTo(List.of(Map.of("result", "medium"), Map.of("result", "any")));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void collectSumAggregatesTheMatchingOutputs(EngineDatabase db) {
    engine = new TestEngine(db);
    String rules =
        rule("a", "&gt; 0", "10") + rule("b", "&gt; 100", "20") + rule("c", "&gt; 1000", "40");
    deploy(
        "sum",
        table("sum", "hitPolicy=\"COLLECT\" aggregation=\"SUM\"", rules)
            .replace("typeRef=\"string\"", "typeRef=\"integer\""),
        ruleProcess(
            "sum",
            "camunda:decisionRef=\"sum\" camunda:resultVariable=\"result\""
                + " camunda:mapDecisionResult=\"singleEntry\""));
    assertThat(((Number) resultOf("sum", 500)).longValue()).isEqualTo(30);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void uniqueAndAnyPickOneRuleSingleResultIsAMapAndPriorityIsRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "unique",
        table(
            "unique",
            "",
            rule("low", "&lt; 250", "\"low\"") + rule("high", "&gt;= 250", "\"high\"")),
        ruleProcess(
            "unique",
            "camunda:decisionRef=\"unique\" camunda:resultVariable=\"result\""
                + " camunda:mapDecisionResult=\"singleResult\""));
    assertThat(resultOf("unique", 300)).isEqualTo(Map.of("result", "high"));
    deploy(
        "any",
        table(
            "any",
            "hitPolicy=\"ANY\"",
            rule("x", "&gt; 0", "\"same\"") + rule("y", "-", "\"same\"")),
        ruleProcess(
            "any",
            "camunda:decisionRef=\"any\" camunda:resultVariable=\"result\""
                + " camunda:mapDecisionResult=\"singleEntry\""));
    assertThat(resultOf("any", 1)).isEqualTo("same");
    // Camunda 7's DMN engine has no PRIORITY or OUTPUT ORDER; Bulwark refuses them by name.
    assertThatThrownBy(
            () ->
                deploy(
                    "priority",
                    table("priority", "hitPolicy=\"PRIORITY\"", rule("p", "-", "\"gold\"")),
                    null))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining(
            "priority.dmn 'priority' (line 5): hit policy PRIORITY is not supported");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void bindingDeploymentKeepsTheDecisionDeployedWithTheProcess(EngineDatabase db) {
    engine = new TestEngine(db);
    String attributes =
        "camunda:decisionRef=\"versioned\" camunda:resultVariable=\"result\""
            + " camunda:mapDecisionResult=\"singleEntry\" camunda:decisionRefBinding=\"";
    deploy(
        "v1",
        table("versioned", "", rule("r", "-", "\"one\"")),
        ruleProcess("own", attributes + "deployment\""));
    deploy("v2", table("versioned", "", rule("r", "-", "\"two\"")), null);
    engine.deployXml("latest", ruleProcess("latest", attributes + "latest\""));
    engine.deployXml(
        "fixed", ruleProcess("fixed", attributes + "version\" camunda:decisionRefVersion=\"1\""));
    assertThat(resultOf("own", 1)).isEqualTo("one");
    assertThat(resultOf("latest", 1)).isEqualTo("two");
    assertThat(resultOf("fixed", 1)).isEqualTo("one");
    assertThat(
            engine.count("SELECT COUNT(*) FROM bw_decision_definition WHERE def_key = 'versioned'"))
        .isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void failingDecisionFailsTheStartAndWritesNothing(EngineDatabase db) {
    engine = new TestEngine(db);
    // UNIQUE with two matching rules is a hit policy violation at run time.
    deploy(
        "broken",
        table("broken", "", rule("a", "-", "\"a\"") + rule("b", "-", "\"b\"")),
        ruleProcess("broken", "camunda:decisionRef=\"broken\" camunda:resultVariable=\"result\""));
    assertThatThrownBy(() -> engine.start("broken", Map.of("amount", 1)))
        .isInstanceOf(ProcessExecutionException.class)
        .hasMessageContaining("business rule task decide")
        .hasMessageContaining("decision broken failed");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
    assertThatThrownBy(() -> engine.start("missing", Map.of()))
        .isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void failingAsyncDecisionLeavesAnIncidentAtTheTask(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "missing",
        ruleProcess(
            "missing",
            "camunda:asyncBefore=\"true\" camunda:decisionRef=\"nowhere\""
                + " camunda:resultVariable=\"result\""));
    ProcessInstance instance = engine.start("missing", Map.of());
    for (int run = 0; run < 10; run++) {
      String job = engine.single("SELECT id FROM bw_job WHERE retries > 0");
      if (job == null) {
        break;
      }
      assertThatThrownBy(() -> engine.management.executeJob(ALICE, job))
          .hasMessageContaining("no decision with key nowhere is deployed");
    }
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("decide");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_incident WHERE activity_id = 'decide'"
                    + " AND process_instance_id = ?",
                instance.id()))
        .isEqualTo(1);
    assertThat(engine.single("SELECT message FROM bw_incident"))
        .contains("no decision with key nowhere is deployed");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e2_scriptAndJuelEntriesAreRefusedNamingDecisionAndLine(EngineDatabase db) {
    engine = new TestEngine(db);
    String scripted =
        table("scripted", "", rule("r", "-", "\"x\""))
            .replace(
                "<inputExpression id=\"ie1\" typeRef=\"double\">",
                "<inputExpression id=\"ie1\" typeRef=\"double\" expressionLanguage=\"javascript\">")
            .replace(
                "<outputEntry id=\"r_out\">",
                "<outputEntry id=\"r_out\" expressionLanguage=\"juel\">");
    BpmnValidationException rejected =
        catchThrowableOfType(
            BpmnValidationException.class,
            () ->
                deploy("scripted", scripted, ruleProcess("p", "camunda:decisionRef=\"scripted\"")));
    assertThat(rejected.getMessage())
        .contains("scripted.dmn 'scripted' (line 7): expressionLanguage 'javascript'")
        .contains("expressionLanguage 'juel' on outputEntry is refused")
        .contains("FEEL only, no script or Java language (E2)");
    BpmnValidationException external =
        catchThrowableOfType(
            BpmnValidationException.class,
            () ->
                deploy(
                    "external",
                    table(
                        "external",
                        "",
                        rule(
                            "r",
                            "-",
                            "function(x) external {java: {class: \"java.lang.System\","
                                + " method signature: \"exit(int)\"}}")),
                    null));
    assertThat(external.getMessage()).contains("external functions would invoke Java");
    for (String table : new String[] {"bw_deployment", "bw_resource", "bw_decision_definition"}) {
      assertThat(engine.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e1_dmnWithADoctypeIsRefusedBeforeTheDmnLibraryReadsIt(EngineDatabase db) {
    engine = new TestEngine(db);
    String hostile =
        table("x", "", rule("r", "-", "&xxe;"))
            .replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
    assertThatThrownBy(() -> deploy("hostile", hostile, null))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("hostile.dmn")
        .hasMessageContaining("DTD");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_decision_definition")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z10_ruleTaskWithAJavaClassIsRefusedByName(EngineDatabase db) {
    engine = new TestEngine(db);
    assertThatThrownBy(
            () ->
                engine.deployXml(
                    "coded", ruleProcess("coded", "camunda:class=\"com.example.Rules\"")))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("'decide' (line")
        .hasMessageContaining("camunda:class on a business rule task is refused")
        .hasMessageContaining("business rule task has no camunda:decisionRef");
  }
}

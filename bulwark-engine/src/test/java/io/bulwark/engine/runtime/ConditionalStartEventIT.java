package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conditional start events of processes, as Camunda's ConditionalStartEventTest asserts: the
 * deployment subscribes each one (the latest version only), {@code evaluateStartConditions} starts
 * one instance per start event whose condition holds over the given variables and sets them on it,
 * a condition over a variable not given is false, {@code camunda:variableName} limits the check to
 * evaluations that give that variable, two start events with the same condition are refused, and
 * without any conditional start event the evaluation fails.
 */
class ConditionalStartEventIT {

  @AutoClose private TestEngine engine;

  private static String start(String id, String condition, String attributes) {
    return """
        <bpmn:startEvent id="%s">
          <bpmn:conditionalEventDefinition %s>
            <bpmn:condition xsi:type="bpmn:tFormalExpression">%s</bpmn:condition>
          </bpmn:conditionalEventDefinition>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="from%s" sourceRef="%s" targetRef="task%s"/>
        <bpmn:userTask id="task%s"/>
        """
        .formatted(id, attributes, condition, id, id, id, id);
  }

  private void deploy(String key, String body) {
    engine.deployXml(key, Models.process(key, body));
  }

  private List<String> tasksOf(List<ProcessInstance> instances) {
    return instances.stream()
        .map(i -> engine.onlyTask(i.id()).taskDefinitionKey())
        .sorted()
        .toList();
  }

  private List<ProcessInstance> evaluate(Map<String, Object> variables) {
    return engine.runtimeService.evaluateStartConditions(ALICE, variables, null);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void theStartEventsWhoseConditionHoldsStartWithTheVariables(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "multipleConditions",
        start("Happy", "${foo &gt; 0}", "")
            + start("Mediocre", "${foo == 0}", "")
            + start("Foul", "${bar == true}", ""));
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_event_subscription WHERE event_type = 'conditional'"))
        .isEqualTo(3);

    List<ProcessInstance> happy = evaluate(Map.of("foo", 1L));
    assertThat(tasksOf(happy)).containsExactly("taskHappy");
    assertThat(engine.runtimeService.getVariables(ALICE, happy.get(0).id()))
        .containsEntry("foo", 1L);

    List<ProcessInstance> two = evaluate(Map.of("foo", 0L, "bar", true));
    assertThat(tasksOf(two)).containsExactly("taskFoul", "taskMediocre");
    assertThat(two).allMatch(i -> i.processDefinitionKey().equals("multipleConditions"));

    assertThat(evaluate(Map.of("other", 1L))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void twoEqualConditionsAreRefusedAndATrueOneNeedsNoVariables(EngineDatabase db) {
    engine = new TestEngine(db);
    String twoEqual =
        Models.process(
            "twoEqual",
            start("First", "${variable == 1}", "") + start("Second", "${variable == 1}", ""));
    assertThatThrownBy(() -> engine.deployXml("twoEqual", twoEqual))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("Second")
        .hasMessageContaining("more than one conditional start event with the same condition");
    deploy("trueCondition", start("Always", "${true}", ""));

    assertThat(tasksOf(evaluate(Map.of()))).containsExactly("taskAlways");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_event_subscription WHERE event_type = 'conditional'"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aVariableNameLimitsTheCheckToEvaluationsThatGiveIt(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy("variableNameProcess", start("Named", "${true}", "camunda:variableName=\"foo\""));

    assertThat(evaluate(Map.of("bar", 1L))).isEmpty();
    assertThat(tasksOf(evaluate(Map.of("foo", 1L)))).containsExactly("taskNamed");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void onlyTheLatestVersionAndTheNamedDefinitionAreEvaluated(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy("versioned", start("Old", "${true}", ""));
    deploy("versioned", start("New", "${true}", ""));
    deploy("other", start("Other", "${true}", ""));
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_event_subscription WHERE event_type = 'conditional'"))
        .isEqualTo(2);

    assertThat(tasksOf(evaluate(Map.of()))).containsExactly("taskNew", "taskOther");

    String otherId = engine.single("SELECT id FROM bw_process_definition WHERE def_key = 'other'");
    List<ProcessInstance> only =
        engine.runtimeService.evaluateStartConditions(ALICE, Map.of(), otherId);
    assertThat(tasksOf(only)).containsExactly("taskOther");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void withoutAnyConditionalStartEventTheEvaluationFails(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml("plain", Models.oneTask("plain", ""));

    assertThatThrownBy(() -> evaluate(Map.of("foo", 1L)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no conditional start event");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }
}

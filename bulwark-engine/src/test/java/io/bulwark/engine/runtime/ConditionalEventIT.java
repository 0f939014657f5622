package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conditional events, after what Camunda's IntermediateConditionalEventTest,
 * BoundaryConditionalEventTest and EventSubProcessStartConditionalEventTest assert: a condition
 * true on arrival passes at once; otherwise the event waits until variables change and make it
 * true; boundary events interrupt or run beside their activity; {@code camunda:variableName} limits
 * which changes count; the subscriptions go when the wait ends.
 */
class ConditionalEventIT {

  @AutoClose private TestEngine engine;

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  private long subscriptions() {
    return engine.count("SELECT COUNT(*) FROM bw_event_subscription");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void intermediateConditionWaitsForVariablesOrPassesAtOnce(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "intermediate",
        Models.process(
            "intermediate",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="conditionalEvent">
                  <bpmn:conditionalEventDefinition>
                    <bpmn:condition>${variable == 1}</bpmn:condition>
                  </bpmn:conditionalEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="afterCondition"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="conditionalEvent"/>
                <bpmn:sequenceFlow id="f2" sourceRef="conditionalEvent" targetRef="afterCondition"/>
            """));
    ProcessInstance waiting = engine.start("intermediate", Map.of("variable", 0));
    assertThat(active(waiting)).containsExactly("conditionalEvent");
    assertThat(subscriptions()).isEqualTo(1);
    engine.runtimeService.setVariables(ALICE, waiting.id(), Map.of("other", 1));
    assertThat(active(waiting)).containsExactly("conditionalEvent");
    engine.runtimeService.setVariables(ALICE, waiting.id(), Map.of("variable", 1));
    assertThat(active(waiting)).containsExactly("afterCondition");
    assertThat(subscriptions()).isZero();
    ProcessInstance passing = engine.start("intermediate", Map.of("variable", 1));
    assertThat(active(passing)).containsExactly("afterCondition");
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void interruptingBoundaryConditionCancelsTheTaskWhenAVariableIsSetThroughIt(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "boundary",
        Models.process(
            "boundary",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task"/>
                <bpmn:boundaryEvent id="conditionalEvent" attachedToRef="task">
                  <bpmn:conditionalEventDefinition camunda:variableName="variable">
                    <bpmn:condition>${variable == 1}</bpmn:condition>
                  </bpmn:conditionalEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="afterCondition"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="conditionalEvent" targetRef="afterCondition"/>
            """));
    ProcessInstance instance = engine.start("boundary", Map.of("variable", 0));
    String taskId = engine.onlyTask(instance.id()).id();
    engine.tasks.setVariables(ALICE, taskId, Map.of("variable", 1));
    assertThat(active(instance)).containsExactly("afterCondition");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE id = ?", taskId)).isZero();
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void variableNameLimitsTheChangesThatAreChecked(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "named",
        Models.process(
            "named",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task"/>
                <bpmn:boundaryEvent id="conditionalEvent" attachedToRef="task"
                    cancelActivity="false">
                  <bpmn:conditionalEventDefinition camunda:variableName="trigger">
                    <bpmn:condition>${ready}</bpmn:condition>
                  </bpmn:conditionalEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="afterCondition"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="conditionalEvent" targetRef="afterCondition"/>
            """));
    ProcessInstance instance = engine.start("named", Map.of("ready", false, "trigger", 0));
    engine.runtimeService.setVariables(ALICE, instance.id(), Map.of("ready", true));
    assertThat(active(instance)).containsExactly("task");
    engine.runtimeService.setVariables(ALICE, instance.id(), Map.of("trigger", 1));
    assertThat(active(instance)).containsExactly("afterCondition", "task");
    assertThat(subscriptions()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void nonInterruptingConditionalEventSubProcessStartsBesideTheProcess(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "esp",
        Models.process(
            "esp",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:subProcess id="onCondition" triggeredByEvent="true">
                  <bpmn:startEvent id="conditionStart" isInterrupting="false">
                    <bpmn:conditionalEventDefinition>
                      <bpmn:condition>${variable == 1}</bpmn:condition>
                    </bpmn:conditionalEventDefinition>
                  </bpmn:startEvent>
                  <bpmn:userTask id="handle"/>
                  <bpmn:sequenceFlow id="ef1" sourceRef="conditionStart" targetRef="handle"/>
                </bpmn:subProcess>
            """));
    ProcessInstance instance = engine.start("esp", Map.of("variable", 0));
    assertThat(active(instance)).containsExactly("task");
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of("variable", 1));
    assertThat(engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
    ProcessInstance second = engine.start("esp", Map.of("variable", 0));
    engine.runtimeService.setVariables(ALICE, second.id(), Map.of("variable", 1));
    assertThat(active(second)).containsExactly("handle", "onCondition", "task");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e3_scriptConditionsAreRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String script =
        Models.process(
            "script",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="c">
                  <bpmn:conditionalEventDefinition>
                    <bpmn:condition xsi:type="bpmn:tFormalExpression"
                        language="groovy">true</bpmn:condition>
                  </bpmn:conditionalEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="c"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("script", script))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("scripts are disabled (E3)");
  }
}

package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.HistoryService.HistoricVariable;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Execution listeners without code (issue 16, Deliver 5): a listener whose expression only sets a
 * variable, {@code ${execution.setVariable('name', value)}}, runs on a process's and a node's start
 * and end and when a flow is taken, as in Camunda's AsyncAfterTest, the escalation and signal
 * output-variable tests and BoundaryConditionalEventTest; a listener that runs code is refused at
 * deployment (Z10, E2, E3).
 */
class ExecutionListenerIT {

  @AutoClose private TestEngine engine;

  private static final String LISTENING =
      Models.process(
          "listening",
          """
              <bpmn:extensionElements>
                <camunda:executionListener event="start"
                    expression="${execution.setVariable('started', true)}"/>
                <camunda:executionListener event="end"
                    expression="${execution.setVariable('ended', 'yes')}"/>
              </bpmn:extensionElements>
              <bpmn:startEvent id="s"/>
              <bpmn:userTask id="review">
                <bpmn:extensionElements>
                  <camunda:executionListener event="start"
                      expression="${execution.setVariable(&quot;seen&quot;, amount * 2)}"/>
                  <camunda:executionListener event="end"
                      expression="${execution.setVariable('reviewed', approved)}"/>
                </bpmn:extensionElements>
              </bpmn:userTask>
              <bpmn:exclusiveGateway id="decide" default="toReject">
                <bpmn:extensionElements>
                  <camunda:executionListener event="end"
                      expression="${execution.setVariable('decided', seen > 50)}"/>
                </bpmn:extensionElements>
              </bpmn:exclusiveGateway>
              <bpmn:endEvent id="accepted">
                <bpmn:extensionElements>
                  <camunda:executionListener event="start"
                      expression="${execution.setVariable('cancelReason', 'none')}"/>
                </bpmn:extensionElements>
              </bpmn:endEvent>
              <bpmn:endEvent id="rejected"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
              <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decide"/>
              <bpmn:sequenceFlow id="toAccept" sourceRef="decide" targetRef="accepted">
                <bpmn:extensionElements>
                  <camunda:executionListener
                      expression="${execution.setVariable('took', 'toAccept')}"/>
                </bpmn:extensionElements>
                <bpmn:conditionExpression>${approved}</bpmn:conditionExpression>
              </bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="toReject" sourceRef="decide" targetRef="rejected"/>
          """);

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void startEndAndTakeListenersSetTheirVariables(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml("listening", LISTENING);
    ProcessInstance instance = engine.start("listening", Map.of("amount", 42L));
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("started", true)
        .containsEntry("seen", 84L)
        .doesNotContainKeys("reviewed", "ended");

    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of("approved", true));

    assertThat(engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
    assertThat(historicVariables(instance))
        .containsEntry("reviewed", true)
        .containsEntry("decided", true)
        .containsEntry("took", "toAccept")
        .containsEntry("cancelReason", "none")
        .containsEntry("ended", "yes");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aFlowNotTakenRunsNoListener(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml("listening", LISTENING);
    ProcessInstance instance = engine.start("listening", Map.of("amount", 7L));
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of("approved", false));
    assertThat(historicVariables(instance))
        .containsEntry("reviewed", false)
        .containsEntry("decided", false)
        .doesNotContainKeys("took", "cancelReason")
        .containsEntry("ended", "yes");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aListenerSetsTheVariableWhereItLives(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "nested",
        Models.process(
            "nested",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:subProcess id="sub">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="reason">none yet</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:startEvent id="subStart"/>
                  <bpmn:userTask id="inside">
                    <bpmn:extensionElements>
                      <camunda:executionListener event="start"
                          expression="${execution.setVariable('reason', 'inner')}"/>
                      <camunda:executionListener event="start"
                          expression="${execution.setVariable('fresh', 1)}"/>
                    </bpmn:extensionElements>
                  </bpmn:userTask>
                  <bpmn:sequenceFlow id="sf1" sourceRef="subStart" targetRef="inside"/>
                </bpmn:subProcess>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
                <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("nested", Map.of());
    String inside = engine.onlyTask(instance.id()).id();
    assertThat(engine.tasks.getVariables(ALICE, inside))
        .containsEntry("reason", "inner")
        .containsEntry("fresh", 1L);
    // 'reason' lives on the sub-process (its input), 'fresh' on the process
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("fresh", 1L)
        .doesNotContainKey("reason");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z10_e2_e3_listenersThatRunCodeAreRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    assertRefused(
        "<camunda:executionListener event=\"start\" class=\"com.example.Audit\"/>",
        "names a class: listeners run code (Z10)");
    assertRefused(
        "<camunda:executionListener event=\"end\" delegateExpression=\"${audit}\"/>",
        "names a delegateExpression: listeners run code (Z10)");
    assertRefused(
        "<camunda:executionListener event=\"end\""
            + " expression=\"${myPojo.myMethod(execution.eventName)}\"/>",
        "a listener may only set one variable");
    assertRefused(
        "<camunda:executionListener event=\"end\""
            + " expression=\"${execution.setVariable('x', bean.compute())}\"/>",
        "(E2)");
    assertRefused(
        "<camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"groovy\">x = 1</camunda:script>"
            + "</camunda:executionListener>",
        "scripts are disabled (E3)");
    assertRefused(
        "<camunda:executionListener event=\"take\""
            + " expression=\"${execution.setVariable('x', 1)}\"/>",
        "has event 'take'; allowed: [end, start]");
  }

  private void assertRefused(String listener, String message) {
    String model =
        Models.process(
            "refused",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="work">
                  <bpmn:extensionElements>%s</bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work"/>
            """
                .formatted(listener));
    assertThatThrownBy(() -> engine.deployXml("refused", model))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("work");
  }

  private Map<String, Object> historicVariables(ProcessInstance instance) {
    return engine.history.variables(ALICE, instance.id(), 0, 100).items().stream()
        .filter(v -> v.value() != null)
        .collect(Collectors.toMap(HistoricVariable::name, HistoricVariable::value));
  }
}

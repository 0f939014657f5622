package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signal names with expressions, as Camunda's SignalEventExpressionNameTest asserts: the name is
 * evaluated with the variables of the execution that subscribes or throws ({@code alert-${var}}
 * with {@code var = TestVar} is {@code alert-TestVar}), and without variables for a process's
 * signal start event at deployment ({@code alert-${'foo'}}). Expressions only read variables (E2).
 */
class SignalNameExpressionIT {

  private static final String VAR_SIGNAL = "<bpmn:signal id=\"alert\" name=\"alert-${var}\"/>";
  private static final String FOO_SIGNAL = "<bpmn:signal id=\"alert\" name=\"alert-${'foo'}\"/>";
  private static final Map<String, Object> TEST_VAR = Map.of("var", "TestVar");

  @AutoClose private TestEngine engine;

  private long subscriptions(String name) {
    return engine.count(
        "SELECT COUNT(*) FROM bw_event_subscription WHERE event_type = 'signal'"
            + " AND event_name = ?",
        name);
  }

  private long running() {
    return engine.count("SELECT COUNT(*) FROM bw_execution WHERE parent_id IS NULL");
  }

  private void deployCatcher() {
    engine.deployXml(
        "catchSignal",
        Models.process(
            "catchSignal",
            """
                <bpmn:startEvent id="theStart"/>
                <bpmn:intermediateCatchEvent id="signalEvent">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="theEnd"/>
                <bpmn:sequenceFlow id="f1" sourceRef="theStart" targetRef="signalEvent"/>
                <bpmn:sequenceFlow id="f2" sourceRef="signalEvent" targetRef="theEnd"/>
            """,
            VAR_SIGNAL));
  }

  private void deployThrower(String key, String throwEvent) {
    engine.deployXml(
        key,
        Models.process(
            key,
            """
                <bpmn:startEvent id="start"/>
                %s
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="signalEvent"/>
            """
                .formatted(throwEvent),
            VAR_SIGNAL));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void theCatchSubscribesToTheEvaluatedNameAndAnIntermediateThrowReachesIt(EngineDatabase db) {
    engine = new TestEngine(db);
    deployCatcher();
    deployThrower(
        "throwSignal",
        """
            <bpmn:intermediateThrowEvent id="signalEvent">
              <bpmn:signalEventDefinition signalRef="alert"/>
            </bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f2" sourceRef="signalEvent" targetRef="end"/>
        """);
    engine.start("catchSignal", TEST_VAR);
    assertThat(subscriptions("alert-TestVar")).isEqualTo(1);
    assertThat(subscriptions("alert-${var}")).isZero();

    engine.start("throwSignal", TEST_VAR);

    assertThat(subscriptions("alert-TestVar")).isZero();
    assertThat(running()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anEndEventThrowsTheEvaluatedNameAndAnotherValueMissesTheCatch(EngineDatabase db) {
    engine = new TestEngine(db);
    deployCatcher();
    deployThrower(
        "throwEndSignal",
        """
            <bpmn:endEvent id="signalEvent">
              <bpmn:signalEventDefinition signalRef="alert"/>
            </bpmn:endEvent>
        """);
    ProcessInstance waiting = engine.start("catchSignal", TEST_VAR);

    engine.start("throwEndSignal", Map.of("var", "OtherVar"));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, waiting.id()))
        .containsExactly("signalEvent");

    engine.start("throwEndSignal", TEST_VAR);
    assertThat(subscriptions("alert-TestVar")).isZero();
    assertThat(running()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aBoundaryEventSubscribesToTheEvaluatedName(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "catchBoundary",
        Models.process(
            "catchBoundary",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="task" camunda:assignee="kermit"/>
                <bpmn:boundaryEvent id="boundary" attachedToRef="task" cancelActivity="true">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:boundaryEvent>
                <bpmn:endEvent id="end"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
                <bpmn:sequenceFlow id="f3" sourceRef="boundary" targetRef="end"/>
            """,
            VAR_SIGNAL));
    engine.start("catchBoundary", TEST_VAR);
    assertThat(subscriptions("alert-TestVar")).isEqualTo(1);

    assertThat(engine.runtimeService.signalEventReceived(ALICE, "alert-TestVar", Map.of()))
        .isEqualTo(1);

    assertThat(subscriptions("alert-TestVar")).isZero();
    assertThat(running()).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aStartEventSubscribesAtDeploymentWithoutVariables(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "startBySignal",
        Models.process(
            "startBySignal",
            """
                <bpmn:startEvent id="start">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:startEvent>
                <bpmn:userTask id="task"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
            """,
            FOO_SIGNAL));
    assertThat(subscriptions("alert-foo")).isEqualTo(1);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task")).isZero();

    engine.runtimeService.signalEventReceived(ALICE, "alert-foo", Map.of());

    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE task_definition_key = 'task'"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anEventSubProcessStartSubscribesToTheEvaluatedName(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "signalStartEventInEventSubProcess",
        Models.process(
            "signalStartEventInEventSubProcess",
            """
                <bpmn:startEvent id="startEvent"/>
                <bpmn:userTask id="userTask"/>
                <bpmn:endEvent id="endEvent"/>
                <bpmn:sequenceFlow id="f1" sourceRef="startEvent" targetRef="userTask"/>
                <bpmn:sequenceFlow id="f2" sourceRef="userTask" targetRef="endEvent"/>
                <bpmn:subProcess id="subProcess" triggeredByEvent="true">
                  <bpmn:startEvent id="subprocessStartEvent">
                    <bpmn:signalEventDefinition signalRef="alert"/>
                  </bpmn:startEvent>
                  <bpmn:endEvent id="subprocessEndEvent"/>
                  <bpmn:sequenceFlow id="f3" sourceRef="subprocessStartEvent"
                      targetRef="subprocessEndEvent"/>
                </bpmn:subProcess>
            """,
            FOO_SIGNAL));
    ProcessInstance instance = engine.start("signalStartEventInEventSubProcess", Map.of());
    assertThat(engine.tasksOf(instance.id())).hasSize(1);

    engine.runtimeService.signalEventReceived(ALICE, "alert-foo", Map.of());

    assertThat(engine.tasksOf(instance.id())).isEmpty();
    assertThat(running()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anUnknownVariableFailsTheStartAndLeavesNoSubscription(EngineDatabase db) {
    engine = new TestEngine(db);
    deployCatcher();

    assertThatThrownBy(() -> engine.start("catchSignal", Map.of()))
        .hasMessageContaining("unknown variable 'var'");

    assertThat(engine.count("SELECT COUNT(*) FROM bw_event_subscription")).isZero();
    assertThat(running()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aProcessStartEventNameThatNeedsVariablesIsRefusedAtDeployment(EngineDatabase db) {
    engine = new TestEngine(db);
    String model =
        Models.process(
            "startByVariable",
            """
                <bpmn:startEvent id="start">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:startEvent>
                <bpmn:userTask id="task"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
            """,
            VAR_SIGNAL);
    assertThatThrownBy(() -> engine.deployXml("startByVariable", model))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("start")
        .hasMessageContaining("evaluated at deployment, without variables")
        .hasMessageContaining("unknown variable 'var'");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_event_subscription")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e2_aSignalNameThatCallsAMethodIsRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String model =
        Models.process(
            "methodName",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="signalEvent">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="signalEvent"/>
            """,
            "<bpmn:signal id=\"alert\" name=\"alert-${var.getClass().getName()}\"/>");
    assertThatThrownBy(() -> engine.deployXml("methodName", model))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("signal name")
        .hasMessageContaining("signalEvent");
  }
}

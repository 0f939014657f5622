package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signals, after what Camunda's SignalEventTest, SignalEventReceivedBuilderTest and
 * SignalEventSubprocessTest assert: a thrown signal reaches every waiting catch event of every
 * instance, fires boundary events, starts processes with a signal start event and event
 * sub-processes, passes variables from the API, and reaches subscribers made in the same command.
 */
class SignalEventIT {

  static final String SIGNAL = "<bpmn:signal id=\"alert\" name=\"alertSignal\"/>";

  @AutoClose private TestEngine engine;

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  private void deployCatcher() {
    deployCatcher(engine);
  }

  /** Deploys {@code catcher}: a signal catch event {@code waitForAlert}, then task afterAlert. */
  static void deployCatcher(TestEngine engine) {
    engine.deployXml(
        "catcher",
        Models.process(
            "catcher",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="waitForAlert">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="afterAlert"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="waitForAlert"/>
                <bpmn:sequenceFlow id="f2" sourceRef="waitForAlert" targetRef="afterAlert"/>
            """,
            SIGNAL));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void thrownSignalReachesEveryWaitingInstance(EngineDatabase db) {
    engine = new TestEngine(db);
    deployCatcher();
    engine.deployXml(
        "thrower",
        Models.process(
            "thrower",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="throwAlert">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="throwAlert"/>
                <bpmn:sequenceFlow id="f2" sourceRef="throwAlert" targetRef="e"/>
            """,
            SIGNAL));
    ProcessInstance first = engine.start("catcher", Map.of());
    ProcessInstance second = engine.start("catcher", Map.of());
    assertThat(active(first)).containsExactly("waitForAlert");
    ProcessInstance thrower = engine.start("thrower", Map.of());
    assertThat(state(thrower)).isEqualTo("COMPLETED");
    assertThat(active(first)).containsExactly("afterAlert");
    assertThat(active(second)).containsExactly("afterAlert");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_event_subscription")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void apiSignalPassesVariablesAndStartsSignalStartProcesses(EngineDatabase db) {
    engine = new TestEngine(db);
    deployCatcher();
    engine.deployXml(
        "started",
        Models.process(
            "started",
            """
                <bpmn:startEvent id="signalStart">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:startEvent>
                <bpmn:userTask id="startedTask"/>
                <bpmn:sequenceFlow id="f1" sourceRef="signalStart" targetRef="startedTask"/>
            """,
            SIGNAL));
    ProcessInstance waiting = engine.start("catcher", Map.of());
    int reached =
        engine.runtimeService.signalEventReceived(ALICE, "alertSignal", Map.of("level", "red"));
    assertThat(reached).isEqualTo(2);
    assertThat(active(waiting)).containsExactly("afterAlert");
    assertThat(engine.runtimeService.getVariables(ALICE, waiting.id()))
        .containsEntry("level", "red");
    assertThat(
            engine.count("SELECT COUNT(*) FROM bw_task WHERE task_definition_key = 'startedTask'"))
        .isEqualTo(1);
    assertThat(engine.runtimeService.signalEventReceived(ALICE, "nobodyListens", null)).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void interruptingSignalBoundaryEventCancelsTheTask(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "boundary",
        Models.process(
            "boundary",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task"/>
                <bpmn:boundaryEvent id="onAlert" attachedToRef="task">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="alerted"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="onAlert" targetRef="alerted"/>
            """,
            SIGNAL));
    ProcessInstance instance = engine.start("boundary", Map.of());
    engine.runtimeService.signalEventReceived(ALICE, "alertSignal", Map.of());
    assertThat(active(instance)).containsExactly("alerted");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_event_subscription")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void signalThrownInTheSameCommandReachesACatchJustEntered(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "sameCommand",
        Models.process(
            "sameCommand",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:parallelGateway id="fork"/>
                <bpmn:intermediateCatchEvent id="catchAlert">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:manualTask id="prepare"/>
                <bpmn:endEvent id="throwAlert">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:endEvent>
                <bpmn:userTask id="caught"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
                <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="catchAlert"/>
                <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="prepare"/>
                <bpmn:sequenceFlow id="f4" sourceRef="prepare" targetRef="throwAlert"/>
                <bpmn:sequenceFlow id="f5" sourceRef="catchAlert" targetRef="caught"/>
            """,
            SIGNAL));
    ProcessInstance instance = engine.start("sameCommand", Map.of());
    assertThat(active(instance)).containsExactly("caught");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_event_subscription")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void nonInterruptingSignalEventSubProcessStartsBesideTheProcess(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "signalEsp",
        Models.process(
            "signalEsp",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:subProcess id="onAlert" triggeredByEvent="true">
                  <bpmn:startEvent id="alertStart" isInterrupting="false">
                    <bpmn:signalEventDefinition signalRef="alert"/>
                  </bpmn:startEvent>
                  <bpmn:userTask id="handleAlert"/>
                  <bpmn:sequenceFlow id="af1" sourceRef="alertStart" targetRef="handleAlert"/>
                </bpmn:subProcess>
            """,
            SIGNAL));
    ProcessInstance instance = engine.start("signalEsp", Map.of());
    engine.runtimeService.signalEventReceived(ALICE, "alertSignal", Map.of());
    assertThat(active(instance)).containsExactly("handleAlert", "onAlert", "task");
  }
}

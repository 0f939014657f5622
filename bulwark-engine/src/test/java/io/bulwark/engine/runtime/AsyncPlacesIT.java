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
 * Jobs where Camunda puts them, as its tests assert (SignalEventTest, AsyncAfterTest,
 * AsyncTaskTest): an asynchronous signal throw ({@code camunda:async} on the definition) goes on at
 * once and leaves one job that broadcasts the signal; async boundary events, asyncAfter on gateways
 * (one job per outgoing flow) and async on multi-instance loop characteristics (a job per run).
 */
class AsyncPlacesIT {

  private static final String SIGNAL = SignalEventIT.SIGNAL;

  @AutoClose private TestEngine engine;

  private List<String> jobs(String type) {
    return engine.ids("SELECT id FROM bw_job WHERE job_type = ? ORDER BY id", type);
  }

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  private void runJobs(String type) {
    for (String id : jobs(type)) {
      engine.management.executeJob(ALICE, id);
    }
  }

  private static String asyncThrower(String key, String event) {
    return Models.process(
        key,
        """
            <bpmn:startEvent id="start"/>
            %s
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="signalEvent"/>
        """
            .formatted(event),
        SIGNAL);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anAsyncSignalThrowGoesOnAndItsJobReachesTheCatcher(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.holdJobs();
    SignalEventIT.deployCatcher(engine);
    engine.deployXml(
        "throwSignal",
        asyncThrower(
            "throwSignal",
            """
                <bpmn:intermediateThrowEvent id="signalEvent" camunda:jobPriority="42">
                  <bpmn:signalEventDefinition signalRef="alert" camunda:async="true"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="end"/>
                <bpmn:sequenceFlow id="f2" sourceRef="signalEvent" targetRef="end"/>
            """));
    ProcessInstance catcher = engine.start("catcher", Map.of());
    ProcessInstance thrower = engine.start("throwSignal", Map.of());

    assertThat(engine.history.findProcessInstance(ALICE, thrower.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
    assertThat(active(catcher)).containsExactly("waitForAlert");
    assertThat(jobs(Signals.THROW_JOB)).hasSize(1);
    assertThat(engine.single("SELECT handler_config FROM bw_job")).isEqualTo("alertSignal");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job WHERE priority = 42")).isEqualTo(1);

    runJobs(Signals.THROW_JOB);

    assertThat(active(catcher)).containsExactly("afterAlert");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_event_subscription")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anAsyncSignalEndEventStartsTheSignalStartProcessWhenItsJobRuns(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.holdJobs();
    engine.deployXml(
        "startBySignal",
        Models.process(
            "startBySignal",
            """
                <bpmn:startEvent id="signalStart">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:startEvent>
                <bpmn:userTask id="task"/>
                <bpmn:sequenceFlow id="f1" sourceRef="signalStart" targetRef="task"/>
            """,
            SIGNAL));
    engine.deployXml(
        "throwEnd",
        asyncThrower(
            "throwEnd",
            """
                <bpmn:endEvent id="signalEvent">
                  <bpmn:signalEventDefinition signalRef="alert" camunda:async="true"/>
                </bpmn:endEvent>
            """));
    engine.start("throwEnd", Map.of());
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task")).isZero();
    assertThat(jobs(Signals.THROW_JOB)).hasSize(1);

    runJobs(Signals.THROW_JOB);

    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE task_definition_key = 'task'"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void asyncOnACatchingSignalOrWithAPayloadIsRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String payload =
        asyncThrower(
            "payload",
            """
                <bpmn:intermediateThrowEvent id="signalEvent">
                  <bpmn:signalEventDefinition signalRef="alert" camunda:async="true">
                    <bpmn:extensionElements>
                      <camunda:in source="a" target="b"/>
                    </bpmn:extensionElements>
                  </bpmn:signalEventDefinition>
                </bpmn:intermediateThrowEvent>
            """);
    assertThatThrownBy(() -> engine.deployXml("payload", payload))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("signalEvent")
        .hasMessageContaining("camunda:in on an asynchronous signal throw");
    String catching =
        asyncThrower(
            "catching",
            """
                <bpmn:intermediateCatchEvent id="signalEvent">
                  <bpmn:signalEventDefinition signalRef="alert" camunda:async="true"/>
                </bpmn:intermediateCatchEvent>
            """);
    assertThatThrownBy(() -> engine.deployXml("catching", catching))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("camunda:async on a catching signal event definition");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anAsyncBeforeBoundaryEventWaitsForItsJobAfterTheTaskIsCancelled(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.holdJobs();
    engine.deployXml(
        "asyncBoundary",
        Models.process(
            "asyncBoundary",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="userTask1"/>
                <bpmn:boundaryEvent id="boundaryEvent" attachedToRef="userTask1"
                    camunda:asyncBefore="true">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="userTask2"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="userTask1"/>
                <bpmn:sequenceFlow id="f2" sourceRef="boundaryEvent" targetRef="userTask2"/>
            """,
            SIGNAL));
    ProcessInstance instance = engine.start("asyncBoundary", Map.of());

    engine.runtimeService.signalEventReceived(ALICE, "alertSignal", Map.of());

    assertThat(engine.tasksOf(instance.id())).isEmpty();
    assertThat(active(instance)).containsExactly("boundaryEvent");
    assertThat(jobs("async-continuation")).hasSize(1);
    runJobs("async-continuation");
    assertThat(active(instance)).containsExactly("userTask2");
    assertThat(engine.onlyTask(instance.id()).taskDefinitionKey()).isEqualTo("userTask2");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anAsyncAfterParallelForkHasOneJobPerFlow(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.holdJobs();
    engine.deployXml(
        "forkProcess",
        Models.process(
            "forkProcess",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:parallelGateway id="fork" camunda:asyncAfter="true"/>
                <bpmn:userTask id="theTask1"/>
                <bpmn:userTask id="theTask2"/>
                <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
                <bpmn:sequenceFlow id="afterForkFlow1" sourceRef="fork" targetRef="theTask1"/>
                <bpmn:sequenceFlow id="afterForkFlow2" sourceRef="fork" targetRef="theTask2"/>
            """));
    ProcessInstance instance = engine.start("forkProcess", Map.of());
    assertThat(engine.tasksOf(instance.id())).isEmpty();
    assertThat(engine.ids("SELECT handler_config FROM bw_job ORDER BY handler_config"))
        .containsExactly("after-flow:afterForkFlow1", "after-flow:afterForkFlow2");

    engine.management.executeJob(
        ALICE,
        engine.single("SELECT id FROM bw_job WHERE handler_config = 'after-flow:afterForkFlow1'"));
    assertThat(active(instance)).containsExactlyInAnyOrder("fork", "theTask1");
    runJobs("async-continuation");

    assertThat(active(instance)).containsExactlyInAnyOrder("theTask1", "theTask2");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anAsyncAfterExclusiveGatewayTakesTheFlowItChose(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.holdJobs();
    engine.deployXml(
        "choice",
        Models.process(
            "choice",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:exclusiveGateway id="choose" camunda:asyncAfter="true"/>
                <bpmn:userTask id="low"/>
                <bpmn:userTask id="high"/>
                <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="choose"/>
                <bpmn:sequenceFlow id="toLow" sourceRef="choose" targetRef="low">
                  <bpmn:conditionExpression>${amount &lt; 10}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="toHigh" sourceRef="choose" targetRef="high">
                  <bpmn:conditionExpression>${amount &gt;= 10}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
            """));
    ProcessInstance instance = engine.start("choice", Map.of("amount", 50L));
    assertThat(engine.single("SELECT handler_config FROM bw_job")).isEqualTo("after-flow:toHigh");
    runJobs("async-continuation");
    assertThat(active(instance)).containsExactly("high");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void asyncBeforeOnLoopCharacteristicsGivesEachRunAJob(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.holdJobs();
    engine.deployXml(
        "miInnerAsync",
        Models.process(
            "miInnerAsync",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="task">
                  <bpmn:multiInstanceLoopCharacteristics camunda:asyncBefore="true"
                      camunda:asyncAfter="true">
                    <bpmn:loopCardinality>3</bpmn:loopCardinality>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:userTask>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="task"/>
                <bpmn:sequenceFlow id="f1" sourceRef="task" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("miInnerAsync", Map.of());
    assertThat(engine.tasksOf(instance.id())).isEmpty();
    assertThat(jobs("async-continuation")).hasSize(3);

    runJobs("async-continuation");
    assertThat(engine.tasksOf(instance.id())).hasSize(3);
    for (var task : engine.tasksOf(instance.id())) {
      engine.tasks.complete(ALICE, task.id(), Map.of());
    }
    assertThat(engine.tasksOf(instance.id())).isEmpty();
    assertThat(jobs("async-continuation")).hasSize(3); // asyncAfter of each run

    runJobs("async-continuation");
    assertThat(active(instance)).containsExactly("after");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isZero();
  }
}

package io.bulwark.engine.e2e;

import static io.bulwark.engine.e2e.PublicEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkException;
import io.bulwark.engine.api.Incident;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.spi.DelegateExecution;
import io.bulwark.engine.api.spi.JavaDelegate;
import io.bulwark.engine.command.TestDatabase;
import io.bulwark.engine.runtime.Models;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real timers, BPMN errors from workers and failing jobs, through the public API only (O5). */
class PublicApiJobsIT {

  /** A delegate that always fails, to drive a job into an incident. */
  public static final class Broken implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalStateException("backend unavailable");
    }
  }

  private PublicEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void o5_intermediateTimerFiresInTheJobExecutor(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deployXml(
        "timer",
        Models.process(
            "timer",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="wait">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>
            """));
    ProcessInstance instance = engine.start("timer", Map.of());
    assertThat(engine.engine.runtimeService().getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("wait");
    assertThat(engine.awaitEnded(instance.id()).state()).isEqualTo("COMPLETED");
    assertThat(engine.engine.managementService().countJobs(ALICE, JobFilter.all())).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void o5_boundaryTimerInterruptsWaitingTask(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deployXml(
        "escalate",
        Models.process(
            "escalate",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="work"/>
                <bpmn:boundaryEvent id="late" attachedToRef="work">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="escalated"/>
                <bpmn:endEvent id="e"/>
                <bpmn:endEvent id="e2"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work"/>
                <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e"/>
                <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="escalated"/>
                <bpmn:sequenceFlow id="f4" sourceRef="escalated" targetRef="e2"/>
            """));
    ProcessInstance instance = engine.start("escalate", Map.of());
    var escalated = engine.awaitTask(instance.id(), "escalated");
    assertThat(engine.tasks(instance.id())).singleElement().isEqualTo(escalated);
    engine.engine.taskService().complete(ALICE, escalated.id(), Map.of());
    engine.awaitEnded(instance.id());
  }

  private static final String ERROR_MODEL =
      """
          <bpmn:startEvent id="s"/>
          <bpmn:serviceTask id="charge" camunda:type="external" camunda:topic="charge"/>
          <bpmn:boundaryEvent id="declined" attachedToRef="charge">
            <bpmn:errorEventDefinition errorRef="err" camunda:errorCodeVariable="code"/>
          </bpmn:boundaryEvent>
          <bpmn:userTask id="call_customer"/>
          <bpmn:endEvent id="e"/>
          <bpmn:endEvent id="e2"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="charge"/>
          <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="e"/>
          <bpmn:sequenceFlow id="f3" sourceRef="declined" targetRef="call_customer"/>
          <bpmn:sequenceFlow id="f4" sourceRef="call_customer" targetRef="e2"/>
      """;

  private static final String DECLINED = "<bpmn:error id=\"err\" errorCode=\"DECLINED\"/>";

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void workerBpmnErrorIsCaughtByBoundaryEvent(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deployXml("payment", Models.process("payment", ERROR_MODEL, DECLINED));
    ProcessInstance instance = engine.start("payment", Map.of());
    LockedExternalTask task = engine.fetch("charge", instance.id());
    engine
        .engine
        .externalTaskService()
        .handleBpmnError(ALICE, task.id(), "worker-1", "DECLINED", "card declined", Map.of());
    var call = engine.awaitTask(instance.id(), "call_customer");
    assertThat(engine.engine.runtimeService().getVariables(ALICE, instance.id()))
        .containsEntry("code", "DECLINED");
    engine.engine.taskService().complete(ALICE, call.id(), Map.of());
    engine.awaitEnded(instance.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void uncaughtWorkerBpmnErrorIsRefusedAndTheTaskStays(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deployXml("payment", Models.process("payment", ERROR_MODEL, DECLINED));
    ProcessInstance instance = engine.start("payment", Map.of());
    LockedExternalTask task = engine.fetch("charge", instance.id());
    assertThatThrownBy(
            () ->
                engine
                    .engine
                    .externalTaskService()
                    .handleBpmnError(ALICE, task.id(), "worker-1", "OTHER", "?", Map.of()))
        .isInstanceOf(BulwarkException.class)
        .hasMessageContaining("OTHER")
        .hasMessageContaining(instance.id());
    assertThat(engine.engine.runtimeService().getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("charge");
    engine.engine.externalTaskService().complete(ALICE, task.id(), "worker-1", Map.of(), Map.of());
    engine.awaitEnded(instance.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void o5_asyncJobFailingThreeTimesBecomesAnIncident(TestDatabase database) {
    String broken = Broken.class.getName();
    engine = new PublicEngine(database, Set.of(broken));
    engine.deployXml(
        "broken",
        Models.process(
            "broken",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:serviceTask id="call" camunda:asyncBefore="true" camunda:class="%s"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="e"/>
            """
                .formatted(broken)));
    ProcessInstance instance = engine.start("broken", Map.of());
    assertThat(instance.ended()).isFalse();
    Incident incident =
        PublicEngine.await(
            "incident",
            () ->
                engine
                    .engine
                    .managementService()
                    .listIncidents(
                        ALICE, new IncidentFilter(instance.id(), null, null, null), 0, 10)
                    .stream()
                    .findFirst());
    assertThat(incident.message()).contains("backend unavailable");
    var job =
        engine
            .engine
            .managementService()
            .listJobs(ALICE, JobFilter.ofProcessInstance(instance.id()), 0, 10)
            .get(0);
    assertThat(job.retries()).isZero();
    assertThat(job.type()).isEqualTo("async-continuation");
    assertThat(engine.engine.runtimeService().getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("call");
    assertThat(Optional.ofNullable(job.exceptionMessage())).isPresent();
  }
}

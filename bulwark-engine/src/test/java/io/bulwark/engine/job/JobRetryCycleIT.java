package io.bulwark.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code camunda:failedJobRetryTimeCycle} (issue 16), after what Camunda's {@code
 * FoxJobRetryCmdTest} and {@code CamundaFailedJobParseListenerTest} assert: with {@code R5/PT5M} a
 * failing job of the node has 4 retries left after its first failure and is due again five minutes
 * later; after five failures it has none and an incident is raised. The old {@code fox} namespace
 * is read too; a job of a node without a cycle keeps the default retries. Unbounded, malformed and
 * expression cycles are refused at deployment naming the node.
 */
class JobRetryCycleIT {

  @AutoClose private ManualJobEngine fixture;
  private BulwarkEngine engine;
  private Principal app;

  private void open(EngineDatabase database) {
    fixture = new ManualJobEngine(database, "job-retry-cycle-test");
    engine = fixture.engine;
    app = fixture.app;
  }

  /** A model whose job at {@code waitElement} fails: the gateway after it finds no true flow. */
  private void deploy(String id, String waitElement) {
    fixture.deploy(
        id,
        ManualJobEngine.process(
            id,
            "",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            %s
            <sequenceFlow id="f2" sourceRef="wait" targetRef="gw"/>
            <exclusiveGateway id="gw"/>
            <sequenceFlow id="f3" sourceRef="gw" targetRef="end">
              <conditionExpression>${x == 1}</conditionExpression>
            </sequenceFlow>
            <endEvent id="end"/>
            """
                .formatted(waitElement)));
  }

  private Job startAndGetJob(String key) {
    String instance =
        engine
            .runtimeService()
            .startProcessInstance(app, new StartInstanceRequest(key, null, null, Map.of("x", 2L)))
            .id();
    List<Job> jobs =
        engine.managementService().listJobs(app, JobFilter.ofProcessInstance(instance), 0, 10);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private Job failOnce(Job job) {
    assertThatThrownBy(() -> engine.managementService().executeJob(app, job.id()))
        .isInstanceOf(JobFailedException.class);
    return engine.managementService().listJobs(app, JobFilter.ofJob(job.id()), 0, 1).get(0);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void failingAsyncTaskGetsTheCycleRetriesAndDelayThenAnIncident(EngineDatabase database) {
    open(database);
    deploy(
        "retryTask",
        """
        <manualTask id="wait" camunda:asyncBefore="true">
          <extensionElements>
            <camunda:failedJobRetryTimeCycle>R5/PT5M</camunda:failedJobRetryTimeCycle>
          </extensionElements>
        </manualTask>
        """);
    Job job = startAndGetJob("retryTask");
    Instant before = Instant.now();

    Job failed = failOnce(job);

    assertThat(failed.retries()).isEqualTo(4);
    assertThat(failed.dueDate())
        .isAfterOrEqualTo(before.plus(Duration.ofMinutes(5)).minusSeconds(1))
        .isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(1));
    for (int i = 0; i < 4; i++) {
      failed = failOnce(failed);
    }
    assertThat(failed.retries()).isZero();
    assertThat(engine.managementService().listIncidents(app, IncidentFilter.all(), 0, 10))
        .hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void foxNamespaceCycleOnATimerAndTheDefaultWithout(EngineDatabase database) {
    open(database);
    deploy(
        "foxTimer",
        """
        <intermediateCatchEvent id="wait">
          <extensionElements>
            <fox:failedJobRetryTimeCycle>R3/PT10M</fox:failedJobRetryTimeCycle>
          </extensionElements>
          <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
        </intermediateCatchEvent>
        """);
    deploy("plain", "<manualTask id=\"wait\" camunda:asyncBefore=\"true\"/>");
    Job timer = startAndGetJob("foxTimer");
    Instant before = Instant.now();

    Job failed = failOnce(timer);

    assertThat(failed.retries()).isEqualTo(2);
    assertThat(failed.dueDate())
        .isAfterOrEqualTo(before.plus(Duration.ofMinutes(10)).minusSeconds(1));
    Job plain = startAndGetJob("plain");
    assertThat(failOnce(plain).retries()).isEqualTo(plain.retries() - 1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void unboundedMalformedOrExpressionCyclesAreRefused(EngineDatabase database) {
    open(database);
    for (String cycle : new String[] {"R/PT5M", "RASDASDAD5/PT5M", "${cycle}", "R5/PT0S"}) {
      assertThatThrownBy(
              () ->
                  deploy(
                      "badCycle",
                      """
                      <manualTask id="wait" camunda:asyncBefore="true">
                        <extensionElements>
                          <camunda:failedJobRetryTimeCycle>%s</camunda:failedJobRetryTimeCycle>
                        </extensionElements>
                      </manualTask>
                      """
                          .formatted(cycle)))
          .as(cycle)
          .isInstanceOf(BpmnValidationException.class)
          .hasMessageContaining("failedJobRetryTimeCycle '" + cycle + "'")
          .hasMessageContaining("wait");
    }
  }
}

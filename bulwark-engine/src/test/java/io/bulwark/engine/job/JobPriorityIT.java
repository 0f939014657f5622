package io.bulwark.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code camunda:jobPriority} (issue 16), after what Camunda's {@code
 * JobPrioritizationBpmnConstantValueTest} asserts: a job gets its activity's priority, else its
 * process's, else 0; timers carry their event's priority; and the job executor's acquisition (O5)
 * takes the highest priority first.
 */
class JobPriorityIT {

  @AutoClose private ManualJobEngine fixture;
  private BulwarkEngine engine;
  private Principal app;

  private void open(EngineDatabase database) {
    fixture = new ManualJobEngine(database, "job-priority-test");
    engine = fixture.engine;
    app = fixture.app;
  }

  private void deploy(String name, String xml) {
    fixture.deploy(name, xml);
  }

  private String start(String key) {
    return engine
        .runtimeService()
        .startProcessInstance(app, new StartInstanceRequest(key, null, null, Map.of()))
        .id();
  }

  private Job onlyJob(String instanceId) {
    List<Job> jobs =
        engine.managementService().listJobs(app, JobFilter.ofProcessInstance(instanceId), 0, 10);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private static String model(String id, String processAttributes, String body) {
    return ManualJobEngine.process(id, processAttributes, body);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void asyncJobsTakeTheActivityPriorityElseTheProcessPriority(EngineDatabase database) {
    open(database);
    deploy(
        "jobPrioProcess",
        model(
            "jobPrioProcess",
            "camunda:jobPriority=\"10\"",
            """
            <startEvent id="start"/>
            <sequenceFlow id="flow1" sourceRef="start" targetRef="task1"/>
            <manualTask id="task1" camunda:asyncBefore="true" camunda:asyncAfter="true"/>
            <sequenceFlow id="flow2" sourceRef="task1" targetRef="task2"/>
            <manualTask id="task2" camunda:asyncBefore="true" camunda:asyncAfter="true"
                camunda:jobPriority="5"/>
            <sequenceFlow id="flow3" sourceRef="task2" targetRef="end"/>
            <endEvent id="end"/>
            """));
    deploy(
        "plain",
        model(
            "plain",
            "",
            """
            <startEvent id="start"/>
            <sequenceFlow id="flow1" sourceRef="start" targetRef="task"/>
            <manualTask id="task" camunda:asyncBefore="true"/>
            """));
    String instance = start("jobPrioProcess");
    long[] expected = {10, 10, 5, 5};
    String[] activities = {"task1", "task1", "task2", "task2"};
    for (int i = 0; i < expected.length; i++) {
      Job job = onlyJob(instance);
      assertThat(job.activityId()).isEqualTo(activities[i]);
      assertThat(job.priority()).as("job %d", i).isEqualTo(expected[i]);
      engine.managementService().executeJob(app, job.id());
    }
    assertThat(
            engine.managementService().listJobs(app, JobFilter.ofProcessInstance(instance), 0, 10))
        .isEmpty();
    assertThat(onlyJob(start("plain")).priority()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void timersCarryTheirEventPriorityElseTheProcessPriority(EngineDatabase database) {
    open(database);
    deploy(
        "timers",
        model(
            "timers",
            "camunda:jobPriority=\"8\"",
            """
            <startEvent id="start"/>
            <sequenceFlow id="flow1" sourceRef="start" targetRef="wait"/>
            <intermediateCatchEvent id="wait">
              <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
            </intermediateCatchEvent>
            <sequenceFlow id="flow2" sourceRef="wait" targetRef="task"/>
            <userTask id="task"/>
            <boundaryEvent id="late" attachedToRef="task" camunda:jobPriority="20">
              <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
            </boundaryEvent>
            """));
    deploy(
        "timerStart",
        model(
            "timerStart",
            "camunda:jobPriority=\"3\"",
            """
            <startEvent id="nightly" camunda:jobPriority="25">
              <timerEventDefinition><timeDate>2099-01-01T00:00:00Z</timeDate></timerEventDefinition>
            </startEvent>
            <sequenceFlow id="flow1" sourceRef="nightly" targetRef="task"/>
            <userTask id="task"/>
            """));
    String instance = start("timers");
    Job intermediate = onlyJob(instance);
    assertThat(intermediate.priority()).isEqualTo(8);
    engine.managementService().executeJob(app, intermediate.id());
    Job boundary = onlyJob(instance);
    assertThat(boundary.activityId()).isEqualTo("late");
    assertThat(boundary.priority()).isEqualTo(20);
    assertThat(engine.managementService().listJobs(app, JobFilter.all(), 0, 10))
        .filteredOn(job -> job.processInstanceId() == null)
        .singleElement()
        .satisfies(job -> assertThat(job.priority()).isEqualTo(25));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void o5_acquisitionTakesTheHighestPriorityFirst(EngineDatabase database) {
    open(database);
    for (String[] process : new String[][] {{"low", "1"}, {"high", "50"}, {"none", "0"}}) {
      deploy(
          process[0],
          model(
              process[0],
              "camunda:jobPriority=\"" + process[1] + "\"",
              """
              <startEvent id="start"/>
              <sequenceFlow id="flow1" sourceRef="start" targetRef="task"/>
              <manualTask id="task" camunda:asyncBefore="true"/>
              """));
    }
    String low = start("low");
    String none = start("none");
    String high = start("high");
    CommandExecutor commands =
        new CommandExecutor(
            fixture.dataSource, new GrantEverythingTestChecker(), Clock.systemUTC());
    // the engine's own jobs (history cleanup) have priority 0, like "none", and may be due earlier
    List<String> order = List.of(acquireOne(commands), acquireOne(commands));
    assertThat(order).containsExactly(onlyJob(high).id(), onlyJob(low).id());
    assertThat(onlyJob(none).priority()).isZero();
  }

  private static String acquireOne(CommandExecutor commands) {
    Acquisition acquisition =
        commands.execute(
            JobTestSupport.OPERATOR, new AcquireJobsCommand("node-1", Duration.ofMinutes(5), 1));
    assertThat(acquisition.locked()).hasSize(1);
    return acquisition.locked().get(0).id();
  }
}

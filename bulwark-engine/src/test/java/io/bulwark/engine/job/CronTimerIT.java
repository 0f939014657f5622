package io.bulwark.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cron {@code timeCycle} timers (issue 16), after what Camunda's {@code
 * StartTimerEventTest.testTimeCycle}, {@code IntermediateTimerEventTest.testTimeCycle} and {@code
 * BoundaryTimerNonInterruptingEventTest} assert: {@code 0 0/5 * * * ?} (Quartz syntax with seconds)
 * is due at the next five-minute mark; a timer start event and a non-interrupting boundary timer
 * fire and schedule the next mark, an intermediate timer fires once; a cron text Quartz cannot
 * read, or one that never fires again, is refused at deployment naming the timer.
 */
class CronTimerIT {

  private static final String EVERY_FIVE_MINUTES = "0 0/5 * * * ?";

  @AutoClose private ManualJobEngine fixture;
  private BulwarkEngine engine;
  private Principal app;

  private void open(EngineDatabase database) {
    fixture = new ManualJobEngine(database, "cron-timer-test");
    engine = fixture.engine;
    app = fixture.app;
  }

  private void deploy(String id, String body) {
    fixture.deploy(id, ManualJobEngine.process(id, "", body));
  }

  private static String timer(String cycle) {
    return "<timerEventDefinition><timeCycle>" + cycle + "</timeCycle></timerEventDefinition>";
  }

  private List<Job> jobs() {
    return engine.managementService().listJobs(app, JobFilter.all(), 0, 10).stream()
        .filter(job -> job.processDefinitionId() != null)
        .toList();
  }

  private long instances(String key) {
    return engine
        .runtimeService()
        .findProcessInstances(app, ProcessInstanceQuery.all().ofProcess(key))
        .total();
  }

  /** The due date is the next five-minute mark in the server's time zone, at second 0. */
  private static void assertNextFiveMinuteMark(Instant due, Instant before) {
    ZonedDateTime local = due.atZone(ZoneId.systemDefault());
    assertThat(local.getMinute() % 5).isZero();
    assertThat(local.getSecond()).isZero();
    assertThat(due).isAfter(before).isBeforeOrEqualTo(before.plus(Duration.ofMinutes(5)));
  }

  /** The cycle's next job is the only one, due at the mark after {@code fired}'s. */
  private void assertOnlyJobDueFiveMinutesAfter(Job fired) {
    assertThat(jobs())
        .singleElement()
        .satisfies(
            next -> assertThat(next.dueDate()).isEqualTo(fired.dueDate().plusSeconds(5 * 60)));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void timerStartEventWithCronStartsAnInstanceAtEachMark(EngineDatabase database) {
    open(database);
    Instant before = Instant.now();
    deploy(
        "cronStart",
        "<startEvent id=\"theStart\">"
            + timer(EVERY_FIVE_MINUTES)
            + """
            </startEvent>
            <sequenceFlow id="f1" sourceRef="theStart" targetRef="task"/>
            <userTask id="task"/>
            """);
    Job first = jobs().get(0);
    assertThat(jobs()).hasSize(1);
    assertNextFiveMinuteMark(first.dueDate(), before);

    engine.managementService().executeJob(app, first.id());

    assertThat(instances("cronStart")).isEqualTo(1);
    assertOnlyJobDueFiveMinutesAfter(first);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void intermediateTimerWithCronFiresOnceAtTheNextMark(EngineDatabase database) {
    open(database);
    deploy(
        "cronCatch",
        """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="timer"/>
        <intermediateCatchEvent id="timer">%s</intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="timer" targetRef="task"/>
        <userTask id="task"/>
        """
            .formatted(timer(EVERY_FIVE_MINUTES)));
    Instant before = Instant.now();
    String instance =
        engine
            .runtimeService()
            .startProcessInstance(app, new StartInstanceRequest("cronCatch", null, null, Map.of()))
            .id();
    Job job = jobs().get(0);
    assertNextFiveMinuteMark(job.dueDate(), before);

    engine.managementService().executeJob(app, job.id());

    assertThat(engine.runtimeService().getActiveActivityIds(app, instance)).containsExactly("task");
    assertThat(jobs()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void nonInterruptingBoundaryTimerWithCronRepeats(EngineDatabase database) {
    open(database);
    deploy(
        "cronBoundary",
        """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
        <userTask id="work"/>
        <boundaryEvent id="reminder" attachedToRef="work" cancelActivity="false">%s</boundaryEvent>
        <sequenceFlow id="f2" sourceRef="reminder" targetRef="remind"/>
        <userTask id="remind"/>
        """
            .formatted(timer(EVERY_FIVE_MINUTES)));
    String instance =
        engine
            .runtimeService()
            .startProcessInstance(
                app, new StartInstanceRequest("cronBoundary", null, null, Map.of()))
            .id();
    Job first = jobs().get(0);

    engine.managementService().executeJob(app, first.id());

    assertThat(engine.runtimeService().getActiveActivityIds(app, instance))
        .containsExactlyInAnyOrder("work", "remind");
    assertOnlyJobDueFiveMinutesAfter(first);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void cronThatQuartzCannotReadOrThatNeverFiresIsRefused(EngineDatabase database) {
    open(database);
    for (String cycle : new String[] {"0 0/5 * * *", "0 0 0 1 1 ? 2000"}) {
      assertThatThrownBy(
              () ->
                  deploy(
                      "badCron",
                      "<startEvent id=\"theStart\">"
                          + timer(cycle)
                          + "</startEvent><sequenceFlow id=\"f\" sourceRef=\"theStart\""
                          + " targetRef=\"end\"/><endEvent id=\"end\"/>"))
          .as(cycle)
          .isInstanceOf(BpmnValidationException.class)
          .hasMessageContaining("theStart")
          .hasMessageContaining(cycle);
    }
    assertThat(jobs()).isEmpty();
  }
}

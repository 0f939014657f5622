package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.TimerSpec;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.job.JobRow;
import io.bulwark.engine.job.JobRows;
import io.bulwark.engine.job.NewJob;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Creates timer jobs through {@link io.bulwark.engine.job.JobScheduler} for intermediate timer
 * events ({@value JobHandler#TIMER_INTERMEDIATE}) and for the timer boundary events of an activity
 * being entered ({@value JobHandler#TIMER_BOUNDARY}). {@code activity_id} is the timer event;
 * {@code execution_id} the waiting execution. The job executor fires a due timer through {@link
 * ProcessRuntime#fireTimer}. Only a non-interrupting boundary timer repeats ({@code timeCycle});
 * other timers with a cycle fire once, at the cycle's first due date, as in Camunda 7.
 */
final class TimerScheduler {

  private TimerScheduler() {}

  static void scheduleBoundaries(
      RuntimeSession session, InstanceState instance, Execution execution, Activity activity)
      throws SQLException {
    for (BoundaryEvent boundary : instance.model().boundaryEvents(activity.id())) {
      if (boundary.definition() instanceof EventDefinition.Timer timer) {
        scheduleEvent(
            session, instance, execution, boundary.id(), timer.spec(), boundary.cancelActivity());
      }
    }
  }

  /**
   * Schedules the timer of a boundary event or event sub-process start owned by {@code execution};
   * a cycle repeats only when the event does not interrupt.
   */
  static void scheduleEvent(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      String eventId,
      TimerSpec declared,
      boolean interrupting)
      throws SQLException {
    TimerSpec spec = resolve(session, instance, execution, declared, eventId);
    if (!interrupting && spec instanceof TimerSpec.Cycle cycle) {
      NewJob job = job(JobHandler.TIMER_BOUNDARY, instance, execution, eventId, null);
      JobRow row = session.runtime().jobs().scheduleCycle(session.context(), job, cycle);
      session.attachments().created(execution.id(), JobRows.WRITER, row.id());
    } else {
      schedule(session, instance, execution, JobHandler.TIMER_BOUNDARY, eventId, spec);
    }
  }

  static void scheduleIntermediate(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      String timerEventId,
      TimerSpec spec)
      throws SQLException {
    TimerSpec resolved = resolve(session, instance, execution, spec, timerEventId);
    schedule(session, instance, execution, JobHandler.TIMER_INTERMEDIATE, timerEventId, resolved);
  }

  private static void schedule(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      String type,
      String timerEventId,
      TimerSpec spec) {
    Instant due = due(spec, timerEventId, session.context().now());
    JobRow row =
        session
            .runtime()
            .jobs()
            .schedule(session.context(), job(type, instance, execution, timerEventId, due));
    session.attachments().created(execution.id(), JobRows.WRITER, row.id());
  }

  private static NewJob job(
      String type,
      InstanceState instance,
      Execution execution,
      String timerEventId,
      @Nullable Instant due) {
    return new NewJob(
        type,
        execution.id(),
        instance.id(),
        instance.process().definitionId(),
        timerEventId,
        due,
        timerEventId,
        instance.process().model().jobPriorities().of(timerEventId));
  }

  private static TimerSpec resolve(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      TimerSpec spec,
      String id)
      throws SQLException {
    if (spec instanceof TimerSpec.Dynamic dynamic) {
      Object value = session.evaluate(instance, execution, dynamic.expression(), id);
      try {
        return TimerSpec.parse(dynamic.type(), String.valueOf(value));
      } catch (DateTimeException e) {
        throw new ProcessExecutionException("timer " + id + ": " + e.getMessage(), e);
      }
    }
    return spec;
  }

  /** When a timer of {@code spec} created at {@code now} is first due. */
  static Instant due(TimerSpec spec, String id, Instant now) {
    if (spec instanceof TimerSpec.Date date) {
      return date.instant();
    } else if (spec instanceof TimerSpec.After after) {
      return after.duration().addTo(now.atZone(ZoneOffset.UTC)).toInstant();
    } else if (spec instanceof TimerSpec.Cycle cycle) {
      if (cycle.start() != null && cycle.start().isAfter(now)) {
        return cycle.start();
      }
      return cycle.interval().addTo(now.atZone(ZoneOffset.UTC)).toInstant();
    }
    throw new ProcessExecutionException("timer " + id + " has no due date");
  }
}

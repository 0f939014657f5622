package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.TimerSpec;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Creates timer jobs ({@code bw_job}, type {@value #TIMER}) for intermediate timer events and for
 * the timer boundary events of an activity being entered. {@code activity_id} is the timer event;
 * {@code execution_id} the waiting execution. The job executor fires a due timer through {@link
 * ProcessRuntime#fireTimer}.
 */
final class TimerScheduler {

  static final String TIMER = "timer";

  private TimerScheduler() {}

  static void scheduleBoundaries(
      RuntimeSession session, InstanceState instance, Execution execution, Activity activity)
      throws SQLException {
    for (BoundaryEvent boundary : instance.model().boundaryEvents(activity.id())) {
      if (boundary.definition() instanceof EventDefinition.Timer timer) {
        schedule(session, instance, execution, boundary.id(), timer.spec());
      }
    }
  }

  static void schedule(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      String timerEventId,
      TimerSpec spec)
      throws SQLException {
    Instant now = session.context().now();
    var row =
        new RuntimeRows.JobRow(
            UUID.randomUUID().toString(),
            TIMER,
            execution.id(),
            instance.id(),
            timerEventId,
            due(session, instance, spec, timerEventId, now),
            timerEventId,
            now);
    session.context().unitOfWork().insert(RuntimeRows.JOB, row);
    session.attachments().created(execution.id(), RuntimeRows.JOB, row.id());
  }

  private static Instant due(
      RuntimeSession session, InstanceState instance, TimerSpec spec, String id, Instant now)
      throws SQLException {
    TimerSpec resolved = spec;
    if (spec instanceof TimerSpec.Dynamic dynamic) {
      Object value = session.evaluate(instance, dynamic.expression(), id);
      try {
        resolved = TimerSpec.parse(dynamic.type(), String.valueOf(value));
      } catch (DateTimeException e) {
        throw new ProcessExecutionException("timer " + id + ": " + e.getMessage(), e);
      }
    }
    if (resolved instanceof TimerSpec.Date date) {
      return date.instant();
    } else if (resolved instanceof TimerSpec.After after) {
      return after.duration().addTo(now.atZone(ZoneOffset.UTC)).toInstant();
    } else if (resolved instanceof TimerSpec.Cycle cycle) {
      if (cycle.start() != null && cycle.start().isAfter(now)) {
        return cycle.start();
      }
      return cycle.interval().addTo(now.atZone(ZoneOffset.UTC)).toInstant();
    }
    throw new ProcessExecutionException("timer " + id + " has no due date");
  }
}

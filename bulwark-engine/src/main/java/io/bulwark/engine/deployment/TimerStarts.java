package io.bulwark.engine.deployment;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.TimerSpec;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.job.JobRow;
import io.bulwark.engine.job.JobRows;
import io.bulwark.engine.job.JobScheduler;
import io.bulwark.engine.job.NewJob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The timer start events of a newly deployed definition become {@code timer-start} jobs; the timer
 * start jobs of earlier versions of the same key are removed (only the latest version starts by
 * timer, as in Camunda 7). A cycle repeats through {@link JobScheduler#scheduleCycle}.
 */
final class TimerStarts {

  private TimerStarts() {}

  static void schedule(
      CommandContext context, JobScheduler jobs, ProcessModel model, String definitionId)
      throws SQLException {
    removeEarlier(context, model.id());
    for (StartEvent start : model.startEvents(model.id())) {
      if (start.definition() instanceof EventDefinition.Timer timer) {
        TimerSpec spec = timer.spec();
        long priority = model.jobPriorities().of(start.id());
        NewJob job =
            NewJob.timerStart(definitionId, start.id(), context.now(), start.id())
                .withPriority(priority);
        if (spec instanceof TimerSpec.Cycle cycle) {
          jobs.scheduleCycle(context, job, cycle);
        } else if (spec instanceof TimerSpec.Date date) {
          jobs.schedule(
              context,
              NewJob.timerStart(definitionId, start.id(), date.instant(), start.id())
                  .withPriority(priority));
        } else if (spec instanceof TimerSpec.After after) {
          var due = after.duration().addTo(context.now().atZone(ZoneOffset.UTC)).toInstant();
          jobs.schedule(
              context,
              NewJob.timerStart(definitionId, start.id(), due, start.id()).withPriority(priority));
        } else {
          throw ValidationException.of(
              "timerStartEvent",
              "literal-timer",
              "timer start event "
                  + start.id()
                  + " of process "
                  + model.id()
                  + ": a timer start event needs a literal date, duration or cycle, not an"
                  + " expression");
        }
      }
    }
  }

  private static void removeEarlier(CommandContext context, String key) throws SQLException {
    List<JobRow> earlier = new ArrayList<>();
    try (PreparedStatement select =
        context
            .connection()
            .prepareStatement(
                "SELECT id FROM bw_job WHERE job_type = ? AND process_definition_id IN"
                    + " (SELECT id FROM bw_process_definition WHERE def_key = ?)")) {
      select.setString(1, JobHandler.TIMER_START);
      select.setString(2, key);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          JobRows.find(context.connection(), rs.getString(1)).ifPresent(earlier::add);
        }
      }
    }
    for (JobRow job : earlier) {
      context.unitOfWork().delete(JobRows.WRITER, job.id(), job.rev());
    }
  }
}

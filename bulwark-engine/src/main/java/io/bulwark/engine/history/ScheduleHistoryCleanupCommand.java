package io.bulwark.engine.history;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.JobScheduler;
import java.sql.SQLException;

/**
 * Makes sure the history clean-up job exists, due now when it did not (D5); run at every engine
 * start. The row of {@code bw_schedule_lock} taken first serializes nodes starting at once, so the
 * database holds exactly one clean-up job. Answers whether it scheduled one.
 */
public final class ScheduleHistoryCleanupCommand implements Command<Boolean> {

  private final JobScheduler scheduler;

  public ScheduleHistoryCleanupCommand(JobScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("internal: run by the engine at start, not reachable by callers");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    return scheduler.scheduleSingleton(context, HistoryCleanupJob.next(context.now()));
  }
}

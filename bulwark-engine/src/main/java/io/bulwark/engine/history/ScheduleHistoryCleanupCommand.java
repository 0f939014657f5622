package io.bulwark.engine.history;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.JobScheduler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Makes sure the history clean-up job exists, due now when it did not (D5); run at every engine
 * start. The row of {@code bw_schedule_lock} taken first serializes nodes starting at once, so the
 * database holds exactly one clean-up job. Answers whether it scheduled one.
 */
public final class ScheduleHistoryCleanupCommand implements Command<Boolean> {

  private static final String LOCK =
      "SELECT name FROM bw_schedule_lock WHERE name = '" + HistoryCleanupJob.TYPE + "' FOR UPDATE";

  private static final String EXISTING =
      "SELECT COUNT(*) FROM bw_job WHERE job_type = '" + HistoryCleanupJob.TYPE + "'";

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
    try (PreparedStatement lock = context.connection().prepareStatement(LOCK);
        ResultSet locked = lock.executeQuery()) {
      if (!locked.next()) {
        throw new IllegalStateException("bw_schedule_lock has no history-cleanup row");
      }
    }
    try (PreparedStatement count = context.connection().prepareStatement(EXISTING);
        ResultSet rows = count.executeQuery()) {
      rows.next();
      if (rows.getLong(1) > 0) {
        return false;
      }
    }
    scheduler.schedule(context, HistoryCleanupJob.next(context.now()));
    return true;
  }
}

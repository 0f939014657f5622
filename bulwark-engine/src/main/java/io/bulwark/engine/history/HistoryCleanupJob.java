package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.job.JobRow;
import io.bulwark.engine.job.JobScheduler;
import io.bulwark.engine.job.NewJob;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history clean-up job (D5): each run removes one batch of history past its retention, in the
 * job's own transaction, and schedules the next run: at once after a full batch, else after the
 * clean-up interval. Decisions evaluated outside a process go by the default retention, counted
 * from their evaluation. There is one such job per database ({@link
 * ScheduleHistoryCleanupCommand}), so several nodes never clean up side by side.
 */
public final class HistoryCleanupJob implements JobHandler {

  /** The job type. */
  public static final String TYPE = JobHandler.HISTORY_CLEANUP;

  private static final Logger LOG = LoggerFactory.getLogger(HistoryCleanupJob.class);

  private final HistoryRetentionSettings settings;
  private final JobScheduler scheduler;

  public HistoryCleanupJob(HistoryRetentionSettings settings, JobScheduler scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** The next run of the clean-up, due at {@code due}. */
  static NewJob next(Instant due) {
    return new NewJob(TYPE, null, null, null, null, due, null);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void execute(CommandContext context, JobRow job) throws SQLException {
    Instant now = context.now();
    List<String> due =
        HistoryCleanup.overdue(context.connection(), now, settings, settings.batchSize());
    int removed = HistoryCleanup.remove(context.connection(), due);
    int decisions =
        HistoryCleanup.removeDecisions(context.connection(), now, settings, settings.batchSize());
    boolean more = due.size() >= settings.batchSize() || decisions >= settings.batchSize();
    scheduler.schedule(context, next(more ? now : now.plus(settings.cleanupInterval())));
    if (decisions > 0) {
      context
          .unitOfWork()
          .afterCommit(
              () ->
                  LOG.info(
                      "history clean-up removed {} decisions evaluated outside a process past"
                          + " the retention (D5)",
                      decisions));
    }
    if (removed > 0) {
      context
          .unitOfWork()
          .afterCommit(
              () ->
                  LOG.info(
                      "history clean-up removed the history of {} ended process instances past"
                          + " their retention (D5){}",
                      removed,
                      more ? "; more are due" : ""));
    }
  }
}

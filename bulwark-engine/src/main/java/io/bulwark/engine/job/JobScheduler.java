package io.bulwark.engine.job;

import io.bulwark.engine.api.JobExecutorSettings;
import io.bulwark.engine.bpmn.model.IsoDuration;
import io.bulwark.engine.bpmn.model.TimerSpec;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates and removes jobs inside the current command (the internal API the execution core calls).
 * Every method only registers rows in {@code context.unitOfWork()}: the jobs exist when, and only
 * if, the command commits. Thread-safe (stateless apart from the default retries).
 */
public final class JobScheduler {

  private static final int MAX_SKIPPED_FIRINGS = 100_000;

  private final int defaultRetries;
  private final Runnable dueHint;

  /** A scheduler that wakes nobody: jobs are found by the executor's next poll. */
  public JobScheduler(JobExecutorSettings settings) {
    this(settings, () -> {});
  }

  /**
   * A scheduler that runs {@code dueHint} (typically {@link JobExecutor#hintJobsDue()}) after a
   * command that registered a job due now has committed.
   */
  public JobScheduler(JobExecutorSettings settings, Runnable dueHint) {
    this.defaultRetries = settings.defaultRetries();
    this.dueHint = Objects.requireNonNull(dueHint, "dueHint");
  }

  /**
   * Registers a job: an async continuation ({@link NewJob#asyncContinuation}, due now) or a timer
   * due at an instant ({@link NewJob#timer}, {@link NewJob#timerStart}).
   */
  public JobRow schedule(CommandContext context, NewJob job) {
    Instant due = job.dueDate() == null ? context.now() : job.dueDate();
    return insert(context, job, due, null, null);
  }

  /**
   * Registers {@code job} unless a job of its type exists: for the engine's one-per-database jobs
   * (the history clean-up D5, the re-encryption D2). The {@code bw_schedule_lock} row named by the
   * type, locked first, serializes nodes starting at once. Answers whether it registered the job.
   */
  public boolean scheduleSingleton(CommandContext context, NewJob job) throws SQLException {
    try (PreparedStatement lock =
        context
            .connection()
            .prepareStatement("SELECT name FROM bw_schedule_lock WHERE name = ? FOR UPDATE")) {
      lock.setString(1, job.type());
      try (ResultSet locked = lock.executeQuery()) {
        if (!locked.next()) {
          throw new IllegalStateException("bw_schedule_lock has no " + job.type() + " row");
        }
      }
    }
    try (PreparedStatement count =
        context.connection().prepareStatement("SELECT COUNT(*) FROM bw_job WHERE job_type = ?")) {
      count.setString(1, job.type());
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        if (rows.getLong(1) > 0) {
          return false;
        }
      }
    }
    schedule(context, job);
    return true;
  }

  /**
   * Registers the first job of a cycle timer ({@code R3/PT10M}, {@code
   * R/2026-03-01T09:00:00Z/P1D}). It is due at the cycle's start, or one interval from now when the
   * cycle has none; a start in the past skips the firings already missed; after each successful
   * firing the executor registers the next one until the repetitions are used up. {@code
   * job.dueDate()} is ignored.
   */
  public JobRow scheduleCycle(CommandContext context, NewJob job, TimerSpec.Cycle cycle) {
    Instant now = context.now();
    Instant due = cycle.start() != null ? cycle.start() : plus(now, cycle.interval());
    int left = cycle.repetitions() < 0 ? -1 : cycle.repetitions() - 1;
    // A start in the past is not caught up firing by firing (a nightly timer deployed in November
    // must not start 300 instances): the first firing is the first one due at or after now.
    for (int i = 0; i < MAX_SKIPPED_FIRINGS && due.isBefore(now) && left != 0; i++) {
      due = plus(due, cycle.interval());
      left = left < 0 ? -1 : left - 1;
    }
    return insert(context, job, due, cycle.interval().text(), left);
  }

  /**
   * Registers the removal of all jobs of an execution (its timers when the activity is left or
   * cancelled). A job that an executor is running at the same time makes one of the two
   * transactions fail with a conflict, so a cancelled timer never fires after the cancellation
   * committed.
   */
  public int deleteJobsOfExecution(CommandContext context, String executionId) throws SQLException {
    List<JobRow> jobs = JobRows.findByExecution(context.connection(), executionId);
    for (JobRow job : jobs) {
      context.unitOfWork().delete(JobRows.WRITER, job.id(), job.rev());
      Incidents.deleteForJob(context, job.id());
    }
    return jobs.size();
  }

  /**
   * As {@link #deleteJobsOfExecution}, only for the jobs of {@code activityIds} (the timers of an
   * event sub-process's start events, owned by the scope's execution with its boundary timers).
   */
  public int deleteJobsOfExecutionAt(
      CommandContext context, String executionId, java.util.Set<String> activityIds)
      throws SQLException {
    int deleted = 0;
    for (JobRow job : JobRows.findByExecution(context.connection(), executionId)) {
      if (activityIds.contains(job.activityId())) {
        context.unitOfWork().delete(JobRows.WRITER, job.id(), job.rev());
        Incidents.deleteForJob(context, job.id());
        deleted++;
      }
    }
    return deleted;
  }

  /** The next firing of a cycle timer that just fired, if it has firings left. */
  static Optional<JobRow> nextFiring(JobRow fired, Instant now) {
    if (fired.repeatInterval() == null || fired.repeatsLeft() == null || fired.repeatsLeft() == 0) {
      return Optional.empty();
    }
    IsoDuration interval = IsoDuration.parse(fired.repeatInterval());
    Instant due = plus(fired.dueDate() == null ? now : fired.dueDate(), interval);
    int left = fired.repeatsLeft() < 0 ? -1 : fired.repeatsLeft() - 1;
    return Optional.of(
        new JobRow(
            RowIds.next(),
            fired.type(),
            fired.executionId(),
            fired.processInstanceId(),
            fired.processDefinitionId(),
            fired.activityId(),
            due,
            fired.retries(),
            null,
            null,
            null,
            fired.handlerConfig(),
            fired.suspended(),
            now,
            fired.repeatInterval(),
            left,
            fired.priority(),
            1));
  }

  private JobRow insert(
      CommandContext context,
      NewJob job,
      @Nullable Instant due,
      @Nullable String repeatInterval,
      @Nullable Integer repeatsLeft) {
    JobRow row =
        new JobRow(
            RowIds.next(),
            job.type(),
            job.executionId(),
            job.processInstanceId(),
            job.processDefinitionId(),
            job.activityId(),
            due,
            defaultRetries,
            null,
            null,
            null,
            job.handlerConfig(),
            false,
            context.now(),
            repeatInterval,
            repeatsLeft,
            job.priority(),
            1);
    context.unitOfWork().insert(JobRows.WRITER, row);
    if (due != null && !due.isAfter(context.now())) {
      context.unitOfWork().afterCommit(dueHint);
    }
    return row;
  }

  private static Instant plus(Instant start, IsoDuration interval) {
    return interval.addTo(start.atZone(ZoneOffset.UTC)).toInstant();
  }
}

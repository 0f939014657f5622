package io.bulwark.engine.job;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.bpmn.model.JobRetryCycle;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After a job failed (its own transaction rolled back), in a separate transaction: decrements its
 * retries, stores the message (one line, truncated; no stack trace), unlocks it and makes it due
 * again after the retry delay. A job whose handler names a {@link JobRetryCycle} ({@code
 * camunda:failedJobRetryTimeCycle}) gets the cycle's retries at its first failure and is due again
 * after the cycle's delay, as in Camunda 7. At zero retries it creates a {@link
 * Incidents#FAILED_JOB} incident referencing the job, execution and activity. Does nothing when the
 * job is gone or no longer locked by {@code lockOwner}. Returns the updated job, if any.
 */
public final class RecordJobFailureCommand implements Command<Optional<JobRow>> {

  private final String jobId;
  private final String lockOwner;
  private final String message;
  private final Duration retryDelay;
  private final JobHandlers handlers;

  public RecordJobFailureCommand(
      String jobId, String lockOwner, String message, Duration retryDelay, JobHandlers handlers) {
    this.jobId = jobId;
    this.lockOwner = lockOwner;
    this.message = message;
    this.retryDelay = retryDelay;
    this.handlers = handlers;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("internal: records the failure of a job this node ran");
  }

  @Override
  public Optional<JobRow> execute(CommandContext context) throws SQLException {
    Optional<JobRow> found = JobRows.find(context.connection(), jobId);
    if (found.isEmpty() || !lockOwner.equals(found.get().lockOwner())) {
      return Optional.empty();
    }
    JobRow job = found.get();
    JobHandler handler = handlers.find(job.type()).orElse(null);
    JobRetryCycle cycle = handler == null ? null : handler.retryCycle(context, job);
    int retries;
    Instant due;
    if (cycle == null) {
      retries = Math.max(0, job.retries() - 1);
      due = context.now().plus(retryDelay);
    } else {
      boolean firstFailure = job.exceptionMessage() == null;
      retries = Math.max(0, (firstFailure ? cycle.retries() : job.retries()) - 1);
      due = cycle.delay().after(context.now());
    }
    String text = JobRows.truncate(message, JobRows.MESSAGE_LENGTH);
    JobRow failed = job.failed(retries, due, text);
    context.unitOfWork().update(JobRows.WRITER, failed, job.rev());
    if (retries == 0) {
      Incidents.createForJob(context, failed, text);
    }
    return Optional.of(failed);
  }
}

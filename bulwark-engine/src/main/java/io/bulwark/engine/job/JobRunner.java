package io.bulwark.engine.job;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one locked job through its handler in its own transaction and, when the handler fails,
 * records the failure in a second transaction. Shared by the executor threads and by "execute job
 * now". Thread-safe.
 */
final class JobRunner {

  /**
   * The actor of the engine's own work. Its id contains a colon, which user ids may not (Z7), so it
   * cannot be mistaken for a user; the authorization checker must grant it what handlers run.
   */
  static final Actor SYSTEM = Actor.system("job-executor");

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final CommandExecutor commands;
  private final JobHandlers handlers;
  private final Duration retryDelay;

  JobRunner(CommandExecutor commands, JobHandlers handlers, Duration retryDelay) {
    this.commands = commands;
    this.handlers = handlers;
    this.retryDelay = retryDelay;
  }

  JobOutcome run(JobRow job) {
    String owner = Objects.requireNonNull(job.lockOwner(), "an acquired job is locked");
    try {
      boolean ran = commands.execute(SYSTEM, new ExecuteJobCommand(handlers, job.id(), owner));
      return new JobOutcome(ran ? JobOutcome.Status.SUCCEEDED : JobOutcome.Status.SKIPPED, null);
    } catch (ConflictException e) {
      LOG.debug("Job {} conflicted with another transaction; released for a retry", job.id(), e);
      release(job.id(), owner);
      return new JobOutcome(JobOutcome.Status.CONFLICT, null);
    } catch (RuntimeException e) {
      String message = describe(e);
      LOG.warn("Job {} of type {} failed: {}", job.id(), job.type(), message, e);
      try {
        commands.execute(SYSTEM, new RecordJobFailureCommand(job.id(), owner, message, retryDelay));
      } catch (RuntimeException recordFailure) {
        // The lock expires and the job runs again; its retries were not spent this time.
        LOG.warn("Could not record the failure of job {}", job.id(), recordFailure);
      }
      return new JobOutcome(JobOutcome.Status.FAILED, message);
    }
  }

  void release(String jobId, String owner) {
    try {
      commands.execute(SYSTEM, new ReleaseJobCommand(jobId, owner));
    } catch (RuntimeException e) {
      LOG.debug("Could not release job {}; its lock will expire", jobId, e);
    }
  }

  /** One line for the message column: the exception type and its message, no stack trace. */
  private static String describe(Throwable failure) {
    String text = failure.getMessage();
    return failure.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}

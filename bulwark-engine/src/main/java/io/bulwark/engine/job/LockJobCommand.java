package io.bulwark.engine.job;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Locks one job for "execute now" under a one-off owner, whatever its due date or retries; refuses
 * when a job executor holds an unexpired lock on it, so that it never runs twice at once.
 */
public final class LockJobCommand implements Command<JobRow> {

  private final String jobId;
  private final String lockOwner;
  private final Duration lockDuration;

  public LockJobCommand(String jobId, String lockOwner, Duration lockDuration) {
    this.jobId = jobId;
    this.lockOwner = lockOwner;
    this.lockDuration = lockDuration;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.JOB, Permission.OPERATE, jobId);
  }

  @Override
  public JobRow execute(CommandContext context) throws SQLException {
    JobRow job =
        JobRows.find(context.connection(), jobId)
            .orElseThrow(() -> new NotFoundException("job " + jobId + " not found"));
    if (job.lockOwner() != null
        && job.lockExpiresAt() != null
        && job.lockExpiresAt().isAfter(context.now())) {
      throw new ConflictException("job " + jobId + " is being run by a job executor");
    }
    JobRow locked = job.lockedBy(lockOwner, context.now().plus(lockDuration));
    context.unitOfWork().update(JobRows.WRITER, locked, job.rev());
    return locked;
  }
}

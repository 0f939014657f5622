package io.bulwark.engine.job;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Removes {@code lockOwner}'s lock from a job without touching its retries: after an optimistic
 * conflict with another transaction (worth retrying, not a failure) or when a job acquired before
 * shutdown never started. Does nothing when the job is gone or held by another owner.
 */
public final class ReleaseJobCommand implements Command<Boolean> {

  private final String jobId;
  private final String lockOwner;

  public ReleaseJobCommand(String jobId, String lockOwner) {
    this.jobId = jobId;
    this.lockOwner = lockOwner;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("internal: releases a lock this node holds");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    Optional<JobRow> found = JobRows.find(context.connection(), jobId);
    if (found.isEmpty() || !lockOwner.equals(found.get().lockOwner())) {
      return false;
    }
    JobRow job = found.get();
    context.unitOfWork().update(JobRows.WRITER, job.withRetries(job.retries()), job.rev());
    return true;
  }
}

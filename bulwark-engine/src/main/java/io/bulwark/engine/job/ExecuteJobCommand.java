package io.bulwark.engine.job;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Runs one job that {@code lockOwner} holds, in this command's transaction: calls its handler, then
 * deletes the job (checked against the revision read, so that a node that took over an expired lock
 * cannot also commit it) and, for a cycle timer with firings left, registers the next firing.
 * Returns {@code false} when the job is gone or no longer locked by {@code lockOwner} (nothing
 * ran).
 */
public final class ExecuteJobCommand implements Command<Boolean> {

  private final JobHandlers handlers;
  private final String jobId;
  private final String lockOwner;

  public ExecuteJobCommand(JobHandlers handlers, String jobId, String lockOwner) {
    this.handlers = handlers;
    this.jobId = jobId;
    this.lockOwner = lockOwner;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "internal: runs a job locked by the job executor or by ExecuteJobNow, which checked");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    Optional<JobRow> found = JobRows.find(context.connection(), jobId);
    if (found.isEmpty() || !lockOwner.equals(found.get().lockOwner())) {
      return false;
    }
    JobRow job = found.get();
    JobHandler handler =
        handlers
            .find(job.type())
            .orElseThrow(() -> new IllegalStateException("no job handler for type " + job.type()));
    handler.execute(context, job);
    context.unitOfWork().delete(JobRows.WRITER, job.id(), job.rev());
    if (job.retries() == 0) {
      // Run by hand without retries left (POST /job/{id}/execute): its incident is resolved.
      Incidents.resolveForJob(context, job.id());
    }
    JobScheduler.nextFiring(job, context.now())
        .ifPresent(next -> context.unitOfWork().insert(JobRows.WRITER, next));
    return true;
  }
}

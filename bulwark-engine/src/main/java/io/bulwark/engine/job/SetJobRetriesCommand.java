package io.bulwark.engine.job;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Sets the retries of a job. Above 0 its incidents are resolved (removed) so it runs again when
 * due; at 0 an incident is created unless one exists. The lock is left alone, so a job running
 * right now is not taken over.
 */
public final class SetJobRetriesCommand implements Command<JobRow> {

  /** Largest retry count a caller may set (W11). */
  public static final int MAX_RETRIES = 100;

  private final String jobId;
  private final int retries;

  public SetJobRetriesCommand(String jobId, int retries) {
    this.jobId = jobId;
    this.retries = retries;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.JOB, Permission.OPERATE, jobId);
  }

  @Override
  public JobRow execute(CommandContext context) throws SQLException {
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new ValidationException(
          "retries " + retries + " must be 0.." + MAX_RETRIES + " (job " + jobId + ")");
    }
    JobRow job =
        JobRows.find(context.connection(), jobId)
            .orElseThrow(() -> new NotFoundException("job " + jobId + " not found"));
    JobRow changed = job.withRetriesKeepingLock(retries);
    context.unitOfWork().update(JobRows.WRITER, changed, job.rev());
    if (retries > 0) {
      Incidents.resolveForJob(context, jobId);
    }
    if (retries == 0 && job.retries() > 0) {
      Incidents.createForJob(context, changed, "retries set to 0 by " + context.actor().userId());
    }
    return changed;
  }
}

package io.bulwark.engine.job;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Resolves an incident: removes it and gives its job or external task one retry when it has none,
 * so that it runs (or can be fetched) again.
 */
public final class ResolveIncidentCommand implements Command<Void> {

  /**
   * The external task's retries are set here directly (still parameterized, in this transaction)
   * because the external task rows live in a package that depends on this one.
   */
  private static final String RETRY_EXTERNAL_TASK =
      "UPDATE bw_external_task SET retries = 1, rev = rev + 1 WHERE id = ? AND retries = 0";

  private final String incidentId;

  public ResolveIncidentCommand(String incidentId) {
    this.incidentId = incidentId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.INCIDENT, Permission.OPERATE, incidentId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    IncidentRow incident =
        Incidents.find(context.connection(), incidentId)
            .orElseThrow(() -> new NotFoundException("incident " + incidentId + " not found"));
    Incidents.end(context, incident, Incidents.End.RESOLVED);
    if (incident.jobId() != null) {
      Optional<JobRow> job = JobRows.find(context.connection(), incident.jobId());
      if (job.isPresent() && job.get().retries() == 0) {
        context.unitOfWork().update(JobRows.WRITER, job.get().withRetries(1), job.get().rev());
      }
    }
    if (incident.externalTaskId() != null) {
      try (PreparedStatement update = context.connection().prepareStatement(RETRY_EXTERNAL_TASK)) {
        update.setString(1, incident.externalTaskId());
        update.executeUpdate();
      }
    }
    return null;
  }
}

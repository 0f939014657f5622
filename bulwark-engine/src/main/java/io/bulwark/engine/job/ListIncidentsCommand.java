package io.bulwark.engine.job;

import io.bulwark.engine.api.Incident;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.List;

/** A page of incidents that the actor may read. */
public final class ListIncidentsCommand implements Command<List<Incident>> {

  private final IncidentFilter filter;
  private final int firstResult;
  private final int maxResults;

  public ListIncidentsCommand(IncidentFilter filter, int firstResult, int maxResults) {
    this.filter = filter;
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the INCIDENT READ list filter (Z3)");
  }

  @Override
  public List<Incident> execute(CommandContext context) throws SQLException {
    return JobQueries.incidents(context, filter, firstResult, maxResults)
        .list(context.connection(), JobQueries.INCIDENT_MAPPER);
  }
}

package io.bulwark.engine.job;

import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** How many incidents that the actor may read match a filter. */
public final class CountIncidentsCommand implements Command<Long> {

  private final IncidentFilter filter;

  public CountIncidentsCommand(IncidentFilter filter) {
    this.filter = filter;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the INCIDENT READ list filter (Z3)");
  }

  @Override
  public Long execute(CommandContext context) throws SQLException {
    return JobQueries.incidents(context, filter, 0, 1).count(context.connection());
  }
}

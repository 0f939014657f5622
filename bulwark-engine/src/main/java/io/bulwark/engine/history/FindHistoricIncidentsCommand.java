package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoricIncidentQuery;
import io.bulwark.engine.api.HistoryService.HistoricIncident;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;

/**
 * A page of historic incidents (open, resolved, deleted) and their total (W8), restricted in SQL to
 * the instances whose history the actor may read (Z2, Z3).
 */
public final class FindHistoricIncidentsCommand implements Command<Page<HistoricIncident>> {

  private final HistoricIncidentQuery query;

  public FindHistoricIncidentsCommand(HistoricIncidentQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "rows are restricted by the PROCESS_INSTANCE READ_HISTORY list filter (Z3)");
  }

  @Override
  public Page<HistoricIncident> execute(CommandContext context) throws SQLException {
    ListQuery list = HistoryQueries.incidents(context, query);
    return new Page<>(
        list.list(context.connection(), HistoryQueries.INCIDENT), list.count(context.connection()));
  }
}

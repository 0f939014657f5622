package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;

/**
 * A page of historic process instances and the total that match, both from one {@link ListQuery}
 * (W8), restricted in SQL to the instances whose history the actor may read (Z2, Z3).
 */
public final class FindHistoricProcessInstancesCommand
    implements Command<Page<HistoricProcessInstance>> {

  private final HistoricProcessInstanceQuery query;

  public FindHistoricProcessInstancesCommand(HistoricProcessInstanceQuery query) {
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
  public Page<HistoricProcessInstance> execute(CommandContext context) throws SQLException {
    ListQuery list = HistoryQueries.processInstances(context, query);
    return new Page<>(
        list.list(context.connection(), HistoryQueries.PROCESS_INSTANCE.mapper()),
        list.count(context.connection()));
  }
}

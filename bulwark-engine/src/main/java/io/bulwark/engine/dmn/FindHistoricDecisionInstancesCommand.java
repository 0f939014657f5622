package io.bulwark.engine.dmn;

import io.bulwark.engine.api.HistoricDecisionInstance;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.variable.JavaValues;
import java.sql.SQLException;

/**
 * A page of the decision history and its total, both from one {@link ListQuery} (W8), restricted in
 * SQL to what the actor may read (Z2, Z3), with the inputs and outputs the query asks for.
 */
final class FindHistoricDecisionInstancesCommand
    implements Command<Page<HistoricDecisionInstance>> {

  private final JavaValues javaValues;
  private final HistoricDecisionInstanceQuery query;

  FindHistoricDecisionInstancesCommand(JavaValues javaValues, HistoricDecisionInstanceQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.javaValues = javaValues;
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "rows are restricted by the DECISION_DEFINITION and PROCESS_INSTANCE READ_HISTORY list"
            + " filters (Z3)");
  }

  @Override
  public Page<HistoricDecisionInstance> execute(CommandContext context) throws SQLException {
    ListQuery list = DecisionHistoryQueries.instances(context, query);
    ListQuery.Totalled<HistoricDecisionInstance> page =
        list.page(context.connection(), "", DecisionHistoryQueries.INSTANCE);
    return new Page<>(
        DecisionHistoryValues.attach(
            context.connection(), javaValues, page.rows(), query.details()),
        page.total());
  }
}

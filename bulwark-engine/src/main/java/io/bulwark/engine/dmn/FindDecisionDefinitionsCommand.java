package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.DecisionDefinitionQuery;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** A page of decision definitions the actor may read and their total (W8, Z2). */
record FindDecisionDefinitionsCommand(DecisionDefinitionQuery query)
    implements Command<Page<DecisionDefinition>> {

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the DECISION_DEFINITION READ list filter (Z2)");
  }

  @Override
  public Page<DecisionDefinition> execute(CommandContext context) throws SQLException {
    return DecisionQueries.find(context, query);
  }
}

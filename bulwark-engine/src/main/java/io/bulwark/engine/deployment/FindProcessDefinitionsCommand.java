package io.bulwark.engine.deployment;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessDefinitionQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;

/** A page of process definitions the actor may read and their total (W8, Z2). */
public final class FindProcessDefinitionsCommand implements Command<Page<ProcessDefinition>> {

  private final ProcessDefinitionQuery query;

  public FindProcessDefinitionsCommand(ProcessDefinitionQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the PROCESS_DEFINITION READ list filter (Z2)");
  }

  @Override
  public Page<ProcessDefinition> execute(CommandContext context) throws SQLException {
    ListQuery list = DeploymentQueries.definitions(context, query);
    return new Page<>(
        list.list(context.connection(), DeploymentQueries.DEFINITION),
        list.count(context.connection()));
  }
}

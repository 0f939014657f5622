package io.bulwark.engine.instance;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;

/**
 * A page of running process instances and the total that match, both from one {@link ListQuery}
 * (W8), restricted in SQL to the instances the actor may read (Z2, Z3).
 */
public final class FindProcessInstancesCommand implements Command<Page<ProcessInstanceView>> {

  private final ProcessInstanceQuery query;

  public FindProcessInstancesCommand(ProcessInstanceQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the PROCESS_INSTANCE READ list filter (Z3)");
  }

  @Override
  public Page<ProcessInstanceView> execute(CommandContext context) throws SQLException {
    ListQuery list = ProcessInstanceQueries.instances(context, query);
    return new Page<>(
        list.list(context.connection(), ProcessInstanceQueries.MAPPER),
        list.count(context.connection()));
  }
}

package io.bulwark.engine.instance;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.PresumedFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;
import java.util.Optional;

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

  /**
   * One statement, which checks in its own snapshot that the actor holds no rule about instances;
   * the grant read and a second statement only when it does, and they need no common snapshot.
   */
  @Override
  public boolean readOnly() {
    return true;
  }

  /**
   * The page and its total in one statement (issue 13): with the filter presumed for an actor
   * without rules about instances, checked in the statement itself, else with the rules read.
   */
  @Override
  public Page<ProcessInstanceView> execute(CommandContext context) throws SQLException {
    Optional<PresumedFilter> presumed =
        context.presumedListFilter(ProcessInstanceQueries.TARGET, Permission.READ);
    if (presumed.isPresent()) {
      Optional<ListQuery.Totalled<ProcessInstanceView>> page =
          ProcessInstanceQueries.instances(query, presumed.get().filter())
              .pageIfHolds(
                  context.connection(),
                  "",
                  presumed.get().noRules(),
                  ProcessInstanceQueries.MAPPER);
      if (page.isPresent()) {
        return new Page<>(page.get().rows(), page.get().total());
      }
    }
    ListQuery.Totalled<ProcessInstanceView> page =
        ProcessInstanceQueries.instances(context, query)
            .page(context.connection(), "", ProcessInstanceQueries.MAPPER);
    return new Page<>(page.rows(), page.total());
  }
}

package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ExternalTaskFilter;
import io.bulwark.engine.api.ExternalTaskView;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;

/** A page of external tasks the actor may read, with the total, from one query shape (W8). */
final class FindExternalTasksCommand implements Command<Page<ExternalTaskView>> {

  private final ExternalTaskFilter filter;
  private final int firstResult;
  private final int maxResults;

  FindExternalTasksCommand(ExternalTaskFilter filter, int firstResult, int maxResults) {
    this.filter = filter;
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the EXTERNAL_TASK READ list filter (Z2)");
  }

  @Override
  public Page<ExternalTaskView> execute(CommandContext context) throws SQLException {
    ListQuery query = ExternalTaskQueries.tasks(context, filter, firstResult, maxResults);
    return new Page<>(
        query.list(context.connection(), ExternalTaskQueries.VIEW),
        query.count(context.connection()));
  }
}

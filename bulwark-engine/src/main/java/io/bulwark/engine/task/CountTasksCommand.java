package io.bulwark.engine.task;

import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Counts the tasks a query lists, filtered by the actor's READ permission in SQL (Z2, Z3): one
 * {@code COUNT(*)} with the conditions and filter of {@link FindTasksCommand}, so that the count is
 * the length of the unpaged list; the query's page and sorting are ignored.
 */
public final class CountTasksCommand implements Command<Long> {

  private final FindTasksCommand list;

  /** Checks the query's values as {@link FindTasksCommand} does. */
  public CountTasksCommand(TaskQuery query) {
    this.list = new FindTasksCommand(query);
  }

  /** As {@link FindTasksCommand#readOnly}. */
  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("counts only tasks the authorization filter lets the actor read");
  }

  @Override
  public Long execute(CommandContext context) throws SQLException {
    return list.count(context);
  }
}

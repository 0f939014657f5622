package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ExternalTaskFilter;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The error details a worker reported for a task, if any. A task the actor may not read answers
 * "not found" like an unknown one (Z3).
 */
final class GetErrorDetailsCommand implements Command<Optional<String>> {

  private final String taskId;

  GetErrorDetailsCommand(String taskId) {
    this.taskId = taskId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the task is looked up through the EXTERNAL_TASK READ list filter");
  }

  @Override
  public Optional<String> execute(CommandContext context) throws SQLException {
    if (ExternalTaskQueries.tasks(context, ExternalTaskFilter.byId(taskId), 0, 1)
        .list(context.connection(), ExternalTaskQueries.VIEW)
        .isEmpty()) {
      throw new NotFoundException("external task " + taskId + " not found");
    }
    byte[] details = ExternalTaskRows.get(context.connection(), taskId).errorDetails();
    return Optional.ofNullable(details).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }
}

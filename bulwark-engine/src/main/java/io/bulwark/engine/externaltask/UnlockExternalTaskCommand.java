package io.bulwark.engine.externaltask;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Removes the lock of an external task, whoever holds it (an operator action). */
public final class UnlockExternalTaskCommand implements Command<Void> {

  private final String taskId;

  public UnlockExternalTaskCommand(String taskId) {
    this.taskId = taskId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.EXTERNAL_TASK, Permission.OPERATE, taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    ExternalTaskRow task = ExternalTaskRows.get(context.connection(), taskId);
    context.unitOfWork().update(ExternalTaskRows.WRITER, task.locked(null, null), task.rev());
    return null;
  }
}

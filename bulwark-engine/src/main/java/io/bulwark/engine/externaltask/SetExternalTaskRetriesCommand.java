package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.Incidents;
import java.sql.SQLException;

/** Sets the retries of an external task; above 0 resolves its incidents, 0 creates one. */
public final class SetExternalTaskRetriesCommand implements Command<Void> {

  /** Largest retry count a caller may set (W11). */
  public static final int MAX_RETRIES = 1000;

  private final String taskId;
  private final int retries;

  public SetExternalTaskRetriesCommand(String taskId, int retries) {
    this.taskId = taskId;
    this.retries = retries;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.EXTERNAL_TASK, Permission.OPERATE, taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new ValidationException("retries " + retries + " must be 0.." + MAX_RETRIES);
    }
    ExternalTaskRow task = ExternalTaskRows.get(context.connection(), taskId);
    context.unitOfWork().update(ExternalTaskRows.WRITER, task.withRetries(retries), task.rev());
    if (retries > 0) {
      Incidents.resolveForExternalTask(context, taskId);
    } else if (task.retries() == null || task.retries() > 0) {
      Incidents.createForExternalTask(
          context,
          task.id(),
          task.executionId(),
          task.processInstanceId(),
          task.activityId(),
          "retries set to 0 by " + context.actor().userId());
    }
    return null;
  }
}

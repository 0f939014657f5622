package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Extends the lock of the worker that holds an unexpired lock to now plus the new duration. */
public final class ExtendLockCommand implements Command<Void> {

  private final ExternalTaskSettings settings;
  private final String taskId;
  private final String workerId;
  private final long newDurationMillis;

  public ExtendLockCommand(
      ExternalTaskSettings settings, String taskId, String workerId, long newDurationMillis) {
    this.settings = settings;
    this.taskId = taskId;
    this.workerId = workerId;
    this.newDurationMillis = newDurationMillis;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.EXTERNAL_TASK, Permission.UPDATE, taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (newDurationMillis < 1 || newDurationMillis > settings.maxLockDuration().toMillis()) {
      throw new ValidationException(
          "lock duration "
              + newDurationMillis
              + " ms must be 1.."
              + settings.maxLockDuration().toMillis());
    }
    ExternalTaskRow task = ExternalTaskRows.getLockedBy(context, taskId, workerId);
    context
        .unitOfWork()
        .update(
            ExternalTaskRows.WRITER,
            task.locked(workerId, context.now().plusMillis(newDurationMillis)),
            task.rev());
    return null;
  }
}

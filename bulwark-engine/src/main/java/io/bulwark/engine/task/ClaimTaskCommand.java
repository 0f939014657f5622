package io.bulwark.engine.task;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeRows;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.SQLException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Claims a task for a user, or unclaims it ({@code userId} null). Claiming a task that another user
 * holds is a conflict; the update checks the revision read, so of two concurrent claims one wins.
 */
public final class ClaimTaskCommand implements Command<Void> {

  private final ProcessRuntime runtime;
  private final String taskId;
  private final @Nullable String userId;

  private ClaimTaskCommand(ProcessRuntime runtime, String taskId, @Nullable String userId) {
    this.runtime = runtime;
    this.taskId = taskId;
    this.userId = userId;
  }

  public static ClaimTaskCommand claim(
      ProcessRuntime runtime, String taskId, @Nullable String userId) {
    return new ClaimTaskCommand(runtime, taskId, Objects.requireNonNull(userId, "userId"));
  }

  public static ClaimTaskCommand unclaim(ProcessRuntime runtime, String taskId) {
    return new ClaimTaskCommand(runtime, taskId, null);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TASK, Permission.TASK_ASSIGN, taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    if (userId != null && task.assignee() != null && !task.assignee().equals(userId)) {
      throw new ConflictException("task " + taskId + " is already claimed by another user");
    }
    context.unitOfWork().update(RuntimeRows.TASK, task.withAssignee(userId), task.rev());
    HistoryRecorder history = new HistoryRecorder(context, runtime.historyLevel());
    history.taskChanged(taskId, userId, null);
    history.operation(
        userId == null ? "Unclaim" : "Claim",
        HistoryRecorder.Entity.TASK,
        taskId,
        task.processInstanceId(),
        "assignee",
        task.assignee(),
        userId);
    return null;
  }
}

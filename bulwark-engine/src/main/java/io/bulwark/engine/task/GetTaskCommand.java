package io.bulwark.engine.task;

import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.List;

/** Reads one task with its candidates. */
public final class GetTaskCommand implements Command<TaskView> {

  private final String taskId;

  public GetTaskCommand(String taskId) {
    this.taskId = taskId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TASK, Permission.READ, taskId);
  }

  @Override
  public TaskView execute(CommandContext context) throws SQLException {
    return TaskRepository.views(
            context.connection(), List.of(TaskRepository.find(context.connection(), taskId)))
        .get(0);
  }
}

package io.bulwark.engine.task;

import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.form.NodeForms;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.SQLException;
import java.util.List;

/** Reads the form fields of one task from its model (W10); no expression is evaluated. */
public final class GetTaskFormCommand implements Command<List<TaskFormField>> {

  private final ProcessRuntime runtime;
  private final String taskId;

  public GetTaskFormCommand(ProcessRuntime runtime, String taskId) {
    this.runtime = runtime;
    this.taskId = taskId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TASK, Permission.READ, taskId);
  }

  @Override
  public List<TaskFormField> execute(CommandContext context) throws SQLException {
    return NodeForms.views(
        TaskForms.fields(
            runtime, context.connection(), TaskRepository.find(context.connection(), taskId)));
  }
}

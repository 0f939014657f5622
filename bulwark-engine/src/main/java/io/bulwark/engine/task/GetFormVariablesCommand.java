package io.bulwark.engine.task;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.form.NodeForms;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a task's form shows (READ on the task): the process variables, and each form
 * field's literal default value where the variable has none ({@link NodeForms#putDefaults}).
 */
public final class GetFormVariablesCommand implements Command<Map<String, Object>> {

  private final ProcessRuntime runtime;
  private final String taskId;

  public GetFormVariablesCommand(ProcessRuntime runtime, String taskId) {
    this.runtime = runtime;
    this.taskId = taskId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TASK, Permission.READ, taskId);
  }

  @Override
  public Map<String, Object> execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    RuntimeSession session = runtime.session(context);
    InstanceState instance = session.instance(task.processInstanceId());
    Map<String, Object> result = new LinkedHashMap<>(session.variables(instance));
    NodeForms.putDefaults(TaskForms.fields(runtime, context.connection(), task), result);
    return TaskVariablesCommand.forReader(runtime, context, task, result);
  }
}

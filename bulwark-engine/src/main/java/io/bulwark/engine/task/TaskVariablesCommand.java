package io.bulwark.engine.task;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.SQLException;
import java.util.Map;

/**
 * Reads (task READ) or sets (task TASK_WORK) the variables of a task's process instance; returns
 * them afterwards.
 */
public final class TaskVariablesCommand implements Command<Map<String, Object>> {

  private final ProcessRuntime runtime;
  private final String taskId;
  private final Map<String, Object> changes;

  private TaskVariablesCommand(ProcessRuntime runtime, String taskId, Map<String, Object> changes) {
    this.runtime = runtime;
    this.taskId = taskId;
    this.changes = changes;
  }

  public static TaskVariablesCommand read(ProcessRuntime runtime, String taskId) {
    return new TaskVariablesCommand(runtime, taskId, null);
  }

  public static TaskVariablesCommand set(
      ProcessRuntime runtime, String taskId, Map<String, Object> changes) {
    return new TaskVariablesCommand(runtime, taskId, Map.copyOf(changes));
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(
        ResourceType.TASK, changes == null ? Permission.READ : Permission.TASK_WORK, taskId);
  }

  @Override
  public Map<String, Object> execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    RuntimeSession session = runtime.session(context);
    InstanceState instance = session.instance(task.processInstanceId());
    if (changes != null) {
      // Saving through the task must not bypass its form (W10); required is checked on complete.
      FormValidator.validate(
          taskId,
          TaskForms.fields(runtime, context.connection(), task),
          changes,
          runtime.values(),
          name -> true,
          false);
    }
    return session.readOrSetVariables(instance, changes, HistoryRecorder.Entity.TASK, taskId);
  }
}

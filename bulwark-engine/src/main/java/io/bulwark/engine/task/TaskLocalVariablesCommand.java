package io.bulwark.engine.task;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Reads (task READ) or changes (task TASK_WORK) a task's local variables ({@link
 * TaskLocalVariables}); a change is checked against the task's form (W10) and runs with the task's
 * instance locked, as every change of a task does.
 */
public final class TaskLocalVariablesCommand implements Command<Map<String, Object>> {

  private final ProcessRuntime runtime;
  private final String taskId;
  private final Map<String, Object> changes;
  private final Set<String> deletions;

  private TaskLocalVariablesCommand(
      ProcessRuntime runtime, String taskId, Map<String, Object> changes, Set<String> deletions) {
    this.runtime = runtime;
    this.taskId = taskId;
    this.changes = changes;
    this.deletions = deletions;
  }

  public static TaskLocalVariablesCommand read(ProcessRuntime runtime, String taskId) {
    return new TaskLocalVariablesCommand(runtime, taskId, null, Set.of());
  }

  /** Sets {@code changes} and removes {@code deletions}; a name in both is refused. */
  public static TaskLocalVariablesCommand modify(
      ProcessRuntime runtime, String taskId, Map<String, Object> changes, Set<String> deletions) {
    VariableModifications checked = VariableModifications.of(changes, deletions);
    return new TaskLocalVariablesCommand(runtime, taskId, checked.changes(), checked.deletions());
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(
        ResourceType.TASK, changes == null ? Permission.READ : Permission.TASK_WORK, taskId);
  }

  @Override
  public Map<String, Object> execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    if (changes != null) {
      RuntimeSession session = runtime.session(context);
      session.instance(task.processInstanceId());
      TaskForms.checkSaved(runtime, context.connection(), task, changes, deletions);
      TaskLocalVariables.change(runtime, context, session.history(), task, changes, deletions);
      return Map.of();
    }
    return TaskLocalVariables.read(runtime, context, taskId);
  }
}

package io.bulwark.engine.task;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.Execution;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads (task READ) or sets (task TASK_WORK) the variables of a task's process instance; returns
 * them afterwards.
 */
public final class TaskVariablesCommand implements Command<Map<String, Object>> {

  private final ProcessRuntime runtime;
  private final String taskId;
  private final Map<String, Object> changes;
  private final Set<String> deletions;

  private TaskVariablesCommand(
      ProcessRuntime runtime, String taskId, Map<String, Object> changes, Set<String> deletions) {
    this.runtime = runtime;
    this.taskId = taskId;
    this.changes = changes;
    this.deletions = deletions;
  }

  public static TaskVariablesCommand read(ProcessRuntime runtime, String taskId) {
    return new TaskVariablesCommand(runtime, taskId, null, Set.of());
  }

  public static TaskVariablesCommand set(
      ProcessRuntime runtime, String taskId, Map<String, Object> changes) {
    return new TaskVariablesCommand(runtime, taskId, Map.copyOf(changes), Set.of());
  }

  /**
   * Sets {@code changes} and removes {@code deletions} (names the instance does not have are
   * skipped); a deleted form field counts as submitted empty, so a read-only one is refused (W10).
   */
  public static TaskVariablesCommand modify(
      ProcessRuntime runtime, String taskId, Map<String, Object> changes, Set<String> deletions) {
    Map<String, Object> copy = new HashMap<>(changes == null ? Map.of() : changes);
    Set<String> removed = deletions == null ? Set.of() : Set.copyOf(deletions);
    for (String name : removed) {
      if (copy.containsKey(name)) {
        throw ValidationException.of(
            name, "modify-or-delete", "variable '" + name + "' is both modified and deleted");
      }
    }
    return new TaskVariablesCommand(runtime, taskId, copy, removed);
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
      Map<String, Object> submitted = new HashMap<>(changes);
      deletions.forEach(name -> submitted.put(name, null));
      FormValidator.validate(
          taskId,
          TaskForms.fields(runtime, context.connection(), task),
          submitted,
          runtime.values(),
          name -> true,
          false);
      session.removeVariables(instance, deletions);
    }
    Execution execution = instance.execution(task.executionId());
    return session.readOrSetVariables(
        instance,
        execution == null ? instance.root() : execution,
        changes,
        HistoryRecorder.Entity.TASK,
        taskId);
  }
}

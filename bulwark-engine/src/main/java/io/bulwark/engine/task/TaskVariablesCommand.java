package io.bulwark.engine.task;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads (task READ) or sets (task TASK_WORK) the variables a task sees: its process instance's and
 * its own local ones, which hide an instance variable of the same name. A change to a name the task
 * holds locally goes to the task, others to the instance, as in Camunda. Reading answers both;
 * after a change the instance's variables are returned.
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
    VariableModifications checked = VariableModifications.of(changes, deletions);
    return new TaskVariablesCommand(runtime, taskId, checked.changes(), checked.deletions());
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
    Set<String> local = TaskLocalVariables.names(runtime, context, taskId);
    Map<String, Object> toInstance = changes;
    if (changes != null) {
      TaskForms.checkSaved(runtime, context.connection(), task, changes, deletions);
      // As in Camunda, a name the task holds locally is changed there, others on the instance.
      toInstance = new HashMap<>(changes);
      toInstance.keySet().removeAll(local);
      Map<String, Object> toTask = new HashMap<>(changes);
      toTask.keySet().retainAll(local);
      Set<String> removedLocally = new HashSet<>(deletions);
      removedLocally.retainAll(local);
      TaskLocalVariables.change(runtime, context, session.history(), task, toTask, removedLocally);
      Set<String> removed = new HashSet<>(deletions);
      removed.removeAll(local);
      session.removeVariables(instance, removed);
    }
    Execution execution = instance.execution(task.executionId());
    Map<String, Object> visible =
        new LinkedHashMap<>(
            session.readOrSetVariables(
                instance,
                execution == null ? instance.root() : execution,
                toInstance,
                HistoryRecorder.Entity.TASK,
                taskId));
    if (changes == null) {
      visible.putAll(TaskLocalVariables.read(runtime, context, taskId));
    }
    return visible;
  }
}

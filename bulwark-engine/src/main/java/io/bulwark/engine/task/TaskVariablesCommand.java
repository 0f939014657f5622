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
import org.jspecify.annotations.Nullable;

/**
 * Reads (task READ) or changes (task TASK_WORK) a task's variables in one of two scopes. {@link
 * Scope#VISIBLE}: the variables the task sees, its process instance's and its own local ones, which
 * hide an instance variable of the same name; a change to a name the task holds locally goes to the
 * task, others to the instance, as in Camunda; reading answers both, after a change the instance's
 * variables are returned. {@link Scope#LOCAL}: only the task's local variables ({@link
 * TaskLocalVariables}). Every change is checked against the task's form (W10) and runs with the
 * task's instance locked, as every change of a task does.
 */
public final class TaskVariablesCommand implements Command<Map<String, Object>> {

  /** Which variables of a task a command reads or changes. */
  public enum Scope {
    /** Its local variables over its process instance's, as the task sees them. */
    VISIBLE,
    /** Its local variables only (Camunda's {@code /localVariables}). */
    LOCAL
  }

  private final ProcessRuntime runtime;
  private final String taskId;
  private final Scope scope;
  private final @Nullable Map<String, Object> changes;
  private final Set<String> deletions;

  private TaskVariablesCommand(
      ProcessRuntime runtime,
      String taskId,
      Scope scope,
      @Nullable Map<String, Object> changes,
      Set<String> deletions) {
    this.runtime = runtime;
    this.taskId = taskId;
    this.scope = scope;
    this.changes = changes;
    this.deletions = deletions;
  }

  public static TaskVariablesCommand read(ProcessRuntime runtime, String taskId, Scope scope) {
    return new TaskVariablesCommand(runtime, taskId, scope, null, Set.of());
  }

  public static TaskVariablesCommand set(
      ProcessRuntime runtime, String taskId, @Nullable Map<String, Object> changes) {
    return new TaskVariablesCommand(runtime, taskId, Scope.VISIBLE, Map.copyOf(changes), Set.of());
  }

  /**
   * Sets {@code changes} and removes {@code deletions} in {@code scope} (names the scope does not
   * have are skipped; a name in both is refused); a deleted form field counts as submitted empty,
   * so a read-only one is refused (W10).
   */
  public static TaskVariablesCommand modify(
      ProcessRuntime runtime,
      String taskId,
      Scope scope,
      @Nullable Map<String, Object> changes,
      Set<String> deletions) {
    VariableModifications checked = VariableModifications.of(changes, deletions);
    return new TaskVariablesCommand(runtime, taskId, scope, checked.changes(), checked.deletions());
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(
        ResourceType.TASK, changes == null ? Permission.READ : Permission.TASK_WORK, taskId);
  }

  @Override
  public Map<String, Object> execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    return forReader(runtime, context, task, values(context, task));
  }

  /**
   * {@code values} as the actor may see them: sensitive ones in clear only with READ_VARIABLE on
   * the task (D1), masked otherwise.
   */
  static Map<String, Object> forReader(
      ProcessRuntime runtime, CommandContext context, TaskRow task, Map<String, Object> values)
      throws SQLException {
    return runtime
        .sensitiveFields()
        .forReader(
            values,
            TaskLocalVariables.sensitiveNames(runtime, context, task),
            context.isGranted(
                Requirement.of(ResourceType.TASK, Permission.READ_VARIABLE, task.id())));
  }

  private Map<String, Object> values(CommandContext context, TaskRow task) throws SQLException {
    if (scope == Scope.LOCAL) {
      return local(context, task);
    }
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

  private Map<String, Object> local(CommandContext context, TaskRow task) throws SQLException {
    if (changes == null) {
      return TaskLocalVariables.read(runtime, context, taskId);
    }
    RuntimeSession session = runtime.session(context);
    session.instance(task.processInstanceId());
    TaskForms.checkSaved(runtime, context.connection(), task, changes, deletions);
    TaskLocalVariables.change(runtime, context, session.history(), task, changes, deletions);
    return Map.of();
  }
}

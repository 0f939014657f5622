package io.bulwark.engine.task;

import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.TaskRow;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import io.bulwark.engine.variable.VariableScope;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A task's local variables: rows of the task's own scope ({@code scope_type} TASK, {@code scope_id}
 * the task ID), under the same type and size limits as process variables (E4, W11). They are not
 * process variables: the instance does not see them, and they are removed with the task (history
 * keeps their updates at level FULL, as Camunda does). The calling command declared the check.
 */
final class TaskLocalVariables {

  private TaskLocalVariables() {}

  /** The task's local variables as Java values, by name. */
  static Map<String, Object> read(ProcessRuntime runtime, CommandContext context, String taskId)
      throws SQLException {
    Map<String, Object> result = new LinkedHashMap<>();
    for (VariableRow row :
        runtime.variableRepository().findByScope(context.connection(), taskId).values()) {
      result.put(
          row.name(),
          runtime.javaValues().toJava(row.name(), runtime.sensitiveFields().valueOf(row)));
    }
    return result;
  }

  /** The names of the task's local variables. */
  static java.util.Set<String> names(ProcessRuntime runtime, CommandContext context, String taskId)
      throws SQLException {
    return runtime.variableRepository().findByScope(context.connection(), taskId).keySet();
  }

  /**
   * Sets {@code changes} and removes {@code deletions} (names the task does not hold are skipped)
   * on the task's scope, each change in history and the user operation log (E6).
   */
  static void change(
      ProcessRuntime runtime,
      CommandContext context,
      HistoryRecorder history,
      TaskRow task,
      Map<String, ?> changes,
      Collection<String> deletions)
      throws SQLException {
    Map<String, VariableRow> existing =
        runtime.variableRepository().findByScope(context.connection(), task.id());
    for (String name : new TreeSet<>(deletions)) {
      VariableRow row = existing.get(name);
      if (row != null) {
        context.unitOfWork().delete(VariableRows.WRITER, row.id(), row.rev());
        history.operation(
            "RemoveVariable",
            HistoryRecorder.Entity.VARIABLE,
            row.id(),
            task.processInstanceId(),
            name);
      }
    }
    if (changes.isEmpty()) {
      return;
    }
    for (VariableRow row :
        runtime
            .variableRepository()
            .setAll(
                context,
                VariableScope.task(task.id(), task.processInstanceId()),
                changes,
                sensitiveNames(runtime, context, task))) {
      history.variableUpdated(row, true);
    }
    history.operation(
        "SetVariables",
        HistoryRecorder.Entity.TASK,
        task.id(),
        task.processInstanceId(),
        String.join(",", new TreeSet<>(changes.keySet())));
  }

  /** The names the task's process model marks sensitive (D1); none for a standalone task. */
  static java.util.Set<String> sensitiveNames(
      ProcessRuntime runtime, CommandContext context, TaskRow task) throws SQLException {
    if (task.processDefinitionId() == null) {
      return java.util.Set.of();
    }
    return runtime
        .definitions()
        .get(context.connection(), task.processDefinitionId())
        .model()
        .sensitiveVariables();
  }
}

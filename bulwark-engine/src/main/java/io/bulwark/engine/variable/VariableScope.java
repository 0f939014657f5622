package io.bulwark.engine.variable;

import java.util.Objects;

/**
 * Where variables live: an execution or a task, and the process instance it belongs to ({@code
 * null} for a standalone task).
 */
public record VariableScope(ScopeType type, String id, String processInstanceId) {

  public VariableScope {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  public static VariableScope execution(String executionId, String processInstanceId) {
    return new VariableScope(ScopeType.EXECUTION, executionId, processInstanceId);
  }

  public static VariableScope task(String taskId, String processInstanceId) {
    return new VariableScope(ScopeType.TASK, taskId, processInstanceId);
  }
}

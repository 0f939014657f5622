package io.bulwark.engine.runtime;

import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.externaltask.ExternalTaskCompletionHandler;
import io.bulwark.engine.externaltask.ExternalTaskRow;
import io.bulwark.engine.variable.TypedValue;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Continues a process when a worker finishes its external task. Completion sets the variables and
 * leaves the service task; local variables are set like the others (the execution of an external
 * service task ends with it, so there is no narrower scope to keep them in). A failure's variables
 * are set while the execution keeps waiting, its local variables on that execution. A BPMN error is
 * thrown at the service task: an error boundary event or error event sub-process catches it. An
 * error nothing catches is refused: the worker's call fails with {@link
 * UnhandledBpmnErrorException} (a 409-style conflict naming the instance and the code), the command
 * rolls back and the task stays locked to the worker, which may then report a failure so that the
 * task's retries and incident apply. Thread-safe.
 */
public final class RuntimeExternalTaskHandler implements ExternalTaskCompletionHandler {

  private final ProcessRuntime runtime;

  public RuntimeExternalTaskHandler(ProcessRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void complete(
      CommandContext context,
      ExternalTaskRow task,
      Map<String, TypedValue> variables,
      Map<String, TypedValue> localVariables)
      throws SQLException {
    Map<String, Object> all = new LinkedHashMap<>(java(variables));
    all.putAll(java(localVariables));
    runtime.leaveActivity(context, task.executionId(), all);
  }

  @Override
  public void failed(
      CommandContext context,
      ExternalTaskRow task,
      Map<String, TypedValue> variables,
      Map<String, TypedValue> localVariables)
      throws SQLException {
    runtime.setWaitingVariables(context, task.executionId(), java(variables), java(localVariables));
  }

  @Override
  public void bpmnError(
      CommandContext context,
      ExternalTaskRow task,
      String errorCode,
      @Nullable String errorMessage,
      Map<String, TypedValue> variables)
      throws SQLException {
    runtime.throwBpmnError(context, task.executionId(), errorCode, errorMessage, java(variables));
  }

  private Map<String, Object> java(Map<String, TypedValue> values) {
    Map<String, Object> result = new LinkedHashMap<>();
    values.forEach((name, value) -> result.put(name, runtime.toJava(name, value)));
    return result;
  }
}

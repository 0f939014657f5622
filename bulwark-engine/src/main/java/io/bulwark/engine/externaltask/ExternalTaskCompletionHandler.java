package io.bulwark.engine.externaltask;

import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.variable.TypedValue;
import java.sql.SQLException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a finished external task continues its process; implemented by the execution core (SPI).
 * Called inside the completing command's transaction, after the task row's removal was registered
 * in {@code context.unitOfWork()}; everything commits together. Must be thread-safe.
 */
public interface ExternalTaskCompletionHandler {

  /**
   * The worker completed the task: set {@code variables} (Camunda: propagated like {@code
   * setVariables} on the execution) and {@code localVariables} (on the execution itself), then
   * leave the activity {@code task.activityId()} of execution {@code task.executionId()}.
   */
  void complete(
      CommandContext context,
      ExternalTaskRow task,
      Map<String, TypedValue> variables,
      Map<String, TypedValue> localVariables)
      throws SQLException;

  /**
   * The worker reported a failure and sent variables with it: set {@code variables} (propagated
   * like {@code setVariables} on the execution) and {@code localVariables} on the execution, which
   * keeps waiting at the task's activity.
   */
  void failed(
      CommandContext context,
      ExternalTaskRow task,
      Map<String, TypedValue> variables,
      Map<String, TypedValue> localVariables)
      throws SQLException;

  /**
   * The worker reported a BPMN error: set {@code variables}, then throw error {@code errorCode} at
   * the task's activity (caught by an error boundary event or an error event sub-process; an
   * uncaught error is handled like in Camunda 7: the execution ends / an incident, as the core
   * decides).
   */
  void bpmnError(
      CommandContext context,
      ExternalTaskRow task,
      String errorCode,
      @Nullable String errorMessage,
      Map<String, TypedValue> variables)
      throws SQLException;
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.StartEvent;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds the boundary error event that catches a BPMN error: first on the activity that raised it
 * (external task, delegate), then on each enclosing sub-process, then across the call activity that
 * started the instance, and so on up. The catching activity is cancelled with everything inside it,
 * its execution moves to the boundary event and continues there. When nothing catches the error,
 * {@link UnhandledBpmnErrorException} fails the command and nothing is written.
 */
final class ErrorPropagation {

  private ErrorPropagation() {}

  /** An error end event: the search starts at the scope that contains it. */
  static void fromEndEvent(
      RuntimeSession session, InstanceState instance, Execution thrower, @Nullable String errorCode)
      throws SQLException {
    Execution scope = instance.parentOf(thrower);
    thrower.remove();
    search(session, instance, scope, errorCode, null);
  }

  /** An activity (service task, external task) raised the error itself. */
  static void fromActivity(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      @Nullable String errorCode,
      @Nullable String message)
      throws SQLException {
    search(session, instance, execution, errorCode, message);
  }

  private static void search(
      RuntimeSession session,
      InstanceState start,
      Execution from,
      @Nullable String errorCode,
      @Nullable String message)
      throws SQLException {
    InstanceState instance = start;
    Execution current = from;
    while (true) {
      StartEvent handler = EventSubProcesses.errorStart(instance, current, errorCode);
      if (handler != null) {
        var error = (EventDefinition.ErrorEvent) handler.definition();
        EventSubProcesses.trigger(
            session, instance, current, handler, errorVariables(error, errorCode, message));
        return;
      }
      if (current.isRoot()) {
        String superExecutionId = current.superExecutionId();
        if (superExecutionId == null) {
          throw new UnhandledBpmnErrorException(start.id(), errorCode);
        }
        InstanceState caller = session.instanceOfExecution(superExecutionId);
        session.cancelInstance(instance, "BPMN error " + errorCode);
        instance = caller;
        current =
            Objects.requireNonNull(
                caller.execution(superExecutionId), "the waiting call activity is live");
        continue;
      }
      if (MultiInstanceBehavior.isRun(instance, current, current.activityId())) {
        current = instance.parentOf(current); // boundary events belong to the body
      }
      BoundaryEvent boundary = catching(instance, current.activityId(), errorCode);
      if (boundary != null) {
        catchAt(session, instance, current, boundary, errorCode, message);
        return;
      }
      current = instance.parentOf(current);
    }
  }

  private static @Nullable BoundaryEvent catching(
      InstanceState instance, @Nullable String activityId, @Nullable String code) {
    if (activityId == null) {
      return null;
    }
    BoundaryEvent catchAll = null;
    for (BoundaryEvent boundary : instance.model().boundaryEvents(activityId)) {
      if (boundary.definition() instanceof EventDefinition.ErrorEvent error) {
        if (error.errorId() == null) {
          catchAll = catchAll == null ? boundary : catchAll;
        } else if (code != null
            && (code.equals(error.errorCode()) || code.equals(error.errorId()))) {
          return boundary;
        }
      }
    }
    return catchAll;
  }

  private static void catchAt(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      BoundaryEvent boundary,
      @Nullable String errorCode,
      @Nullable String message)
      throws SQLException {
    session.cancelBelow(instance, execution, "BPMN error " + errorCode);
    session.cancelOne(instance, execution, "BPMN error " + errorCode);
    execution.setScope(false);
    var error = (EventDefinition.ErrorEvent) boundary.definition();
    session.setVariables(instance, execution, errorVariables(error, errorCode, message));
    session.enter(instance, execution, boundary);
  }

  /** The variables a catching error event names for the code and message it caught. */
  private static Map<String, Object> errorVariables(
      EventDefinition.ErrorEvent error, @Nullable String errorCode, @Nullable String message) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (error.errorCodeVariable() != null) {
      variables.put(error.errorCodeVariable(), errorCode);
    }
    if (error.errorMessageVariable() != null) {
      variables.put(error.errorMessageVariable(), message);
    }
    return variables;
  }
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.StartEvent;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Throws an escalation from an intermediate throw or end event to the nearest boundary escalation
 * event that catches its code: on each enclosing sub-process, then across the call activity that
 * started the instance, and so on up (as Camunda; event sub-processes are not supported). An
 * interrupting catch cancels that activity with everything inside it, the thrower included, and
 * continues at the boundary event; a non-interrupting one starts a new token there and the thrower
 * goes on. Caught at a call activity, the activity's {@code camunda:out} variables are copied from
 * the called instance first. Uncaught, nothing happens and the thrower goes on.
 */
final class EscalationPropagation {

  private EscalationPropagation() {}

  static void throwFrom(
      RuntimeSession session, InstanceState start, Execution thrower, @Nullable String code)
      throws SQLException {
    InstanceState instance = start;
    @Nullable InstanceState called = null;
    Execution scope = instance.execution(thrower.parentId());
    while (scope != null) {
      StartEvent handler = EventSubProcesses.escalationStart(instance, scope, code);
      if (handler != null) {
        var escalation = (EventDefinition.Escalation) handler.definition();
        EventSubProcesses.trigger(
            session,
            instance,
            scope,
            handler,
            escalation.codeVariable() == null ? Map.of() : Map.of(escalation.codeVariable(), code));
        return;
      }
      if (scope.isRoot()) {
        String superExecutionId = scope.superExecutionId();
        if (superExecutionId == null) {
          return;
        }
        called = instance;
        instance = session.instanceOfExecution(superExecutionId);
        scope =
            Objects.requireNonNull(
                instance.execution(superExecutionId), "the waiting call activity is live");
      }
      if (MultiInstanceBehavior.isRun(instance, scope, scope.activityId())) {
        scope = instance.parentOf(scope); // boundary events belong to the body
      }
      BoundaryEvent boundary = catching(instance, scope.activityId(), code);
      if (boundary != null) {
        catchAt(session, instance, scope, boundary, code, called);
        return;
      }
      called = null;
      scope = instance.execution(scope.parentId());
    }
  }

  private static @Nullable BoundaryEvent catching(
      InstanceState instance, @Nullable String activityId, @Nullable String code) {
    if (activityId == null) {
      return null;
    }
    BoundaryEvent catchAll = null;
    for (BoundaryEvent boundary : instance.model().boundaryEvents(activityId)) {
      if (boundary.definition() instanceof EventDefinition.Escalation escalation) {
        if (escalation.escalationCode() == null) {
          catchAll = boundary;
        } else if (escalation.escalationCode().equals(code)) {
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
      @Nullable String code,
      @Nullable InstanceState called)
      throws SQLException {
    String activityId = execution.activityId();
    if (called != null
        && activityId != null
        && instance.model().node(activityId) instanceof CallActivity call) {
      VariableMappings.applyOutputs(
          session, instance, execution, call.outputs(), session.variables(called));
    }
    var escalation = (EventDefinition.Escalation) boundary.definition();
    if (escalation.codeVariable() != null) {
      session.setVariables(instance, execution, Map.of(escalation.codeVariable(), code));
    }
    String reason = "escalation " + code;
    if (boundary.cancelActivity()) {
      session.cancelBelow(instance, execution, reason);
      session.cancelOne(instance, execution, reason);
      execution.setScope(false);
      session.enter(instance, execution, boundary);
    } else {
      Execution parent = instance.parentOf(execution);
      Execution branch = instance.createChild(parent);
      branch.setConcurrent(true);
      session.enter(instance, branch, boundary);
    }
  }
}

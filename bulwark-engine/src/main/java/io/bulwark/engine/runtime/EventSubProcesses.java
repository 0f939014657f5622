package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.SubProcess;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Event sub-processes, as in Camunda. While a scope (the process instance or an embedded
 * sub-process) is active, its execution owns the triggers of the event sub-processes directly
 * inside it: message and signal subscriptions and timer jobs, created when the scope starts and
 * removed when it ends; error and escalation starts are found by {@link ErrorPropagation} and
 * {@link EscalationPropagation}. An interrupting start cancels everything else in the scope and its
 * other event sub-process triggers; a non-interrupting one runs beside it. The scope completes when
 * nothing runs inside it any more.
 */
final class EventSubProcesses {

  private EventSubProcesses() {}

  /** The scope whose content {@code execution} runs (process or sub-process ID), or null. */
  static @Nullable String contentScopeId(InstanceState instance, Execution execution) {
    if (execution.isRoot()) {
      return instance.model().id();
    }
    String activityId = execution.activityId();
    if (activityId == null
        || !(instance.model().node(activityId) instanceof SubProcess)
        || !execution.scope()) {
      return null;
    }
    boolean multiInstanceBody =
        instance.model().multiInstance(activityId) != null
            && !MultiInstanceBehavior.isRun(instance, execution, activityId);
    return multiInstanceBody ? null : activityId;
  }

  /** Creates the message and signal subscriptions and timer jobs of a scope that starts. */
  static void subscribe(
      RuntimeSession session, InstanceState instance, Execution scope, String scopeId)
      throws SQLException {
    for (StartEvent start : instance.model().eventSubProcessStarts(scopeId)) {
      EventDefinition definition = start.definition();
      if (definition instanceof EventDefinition.Message message) {
        Subscriptions.subscribe(
            session, instance, scope, Subscriptions.MESSAGE, message.messageName(), start.id());
      } else if (definition instanceof EventDefinition.Signal signal) {
        Subscriptions.subscribe(
            session,
            instance,
            scope,
            Subscriptions.SIGNAL,
            Signals.nameAt(session, instance, scope, signal, start.id()),
            start.id());
      } else if (definition instanceof EventDefinition.Conditional) {
        Subscriptions.subscribe(
            session, instance, scope, Subscriptions.CONDITIONAL, start.id(), start.id());
      } else if (definition instanceof EventDefinition.Timer timer) {
        TimerScheduler.scheduleEvent(
            session, instance, scope, start.id(), timer.spec(), start.interrupting());
      }
    }
  }

  /** The error start event in {@code execution}'s content scope that catches {@code code}. */
  static @Nullable StartEvent errorStart(
      InstanceState instance, Execution execution, @Nullable String code) {
    String scopeId = contentScopeId(instance, execution);
    if (scopeId == null) {
      return null;
    }
    StartEvent catchAll = null;
    for (StartEvent start : instance.model().eventSubProcessStarts(scopeId)) {
      if (start.definition() instanceof EventDefinition.ErrorEvent error) {
        if (error.errorId() == null) {
          catchAll = catchAll == null ? start : catchAll;
        } else if (code != null
            && (code.equals(error.errorCode()) || code.equals(error.errorId()))) {
          return start;
        }
      }
    }
    return catchAll;
  }

  /** The escalation start event in {@code execution}'s content scope that catches {@code code}. */
  static @Nullable StartEvent escalationStart(
      InstanceState instance, Execution execution, @Nullable String code) {
    String scopeId = contentScopeId(instance, execution);
    if (scopeId == null) {
      return null;
    }
    StartEvent catchAll = null;
    for (StartEvent start : instance.model().eventSubProcessStarts(scopeId)) {
      if (start.definition() instanceof EventDefinition.Escalation escalation) {
        if (escalation.escalationCode() == null) {
          catchAll = catchAll == null ? start : catchAll;
        } else if (escalation.escalationCode().equals(code)) {
          return start;
        }
      }
    }
    return catchAll;
  }

  /**
   * Starts the event sub-process of {@code start} in {@code scope}, after setting {@code variables}
   * from the scope.
   */
  static void trigger(
      RuntimeSession session,
      InstanceState instance,
      Execution scope,
      StartEvent start,
      Map<String, ?> variables)
      throws SQLException {
    FlowNode eventSubProcess = instance.model().node(start.scopeId());
    if (start.interrupting()) {
      String reason = "interrupted by event sub-process " + eventSubProcess.id();
      session.cancelBelow(instance, scope, reason);
      release(session, instance, scope, eventSubProcess.scopeId());
    }
    session.setVariables(instance, scope, variables);
    Execution child = instance.createChild(scope);
    child.setConcurrent(!start.interrupting());
    session.enter(instance, child, eventSubProcess);
  }

  /** Removes the event sub-process triggers that {@code scope} owns for {@code scopeId}. */
  static void release(
      RuntimeSession session, InstanceState instance, Execution scope, String scopeId)
      throws SQLException {
    Set<String> starts =
        instance.model().eventSubProcessStarts(scopeId).stream()
            .map(StartEvent::id)
            .collect(Collectors.toSet());
    if (starts.isEmpty() || scope.isNew()) {
      return;
    }
    session.attachments().deleteSubscriptions(scope.id(), starts);
    session.runtime().jobs().deleteJobsOfExecutionAt(session.context(), scope.id(), starts);
  }
}

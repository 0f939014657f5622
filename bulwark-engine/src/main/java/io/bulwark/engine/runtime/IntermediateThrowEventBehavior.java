package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateThrowEvent;
import java.sql.SQLException;

/**
 * None throw events pass the token on; escalation throw events first throw the escalation ({@link
 * EscalationPropagation}) and go on unless an interrupting boundary event caught it; signal throw
 * events first broadcast the signal ({@link Signals}); compensation throw events wait for the
 * handlers they start ({@link Compensation}).
 */
final class IntermediateThrowEventBehavior implements NodeBehavior {

  /** The link catch event of the same name in the thrower's scope (checked at deployment). */
  private static FlowNode linkTarget(
      InstanceState instance, IntermediateThrowEvent thrower, EventDefinition.Link link) {
    for (FlowNode node : instance.model().children(thrower.scopeId())) {
      if (node instanceof io.bulwark.engine.bpmn.model.IntermediateCatchEvent c
          && c.definition() instanceof EventDefinition.Link l
          && l.name().equals(link.name())) {
        return node;
      }
    }
    throw new ProcessExecutionException("link '" + link.name() + "' has no catch event");
  }

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    IntermediateThrowEvent event = (IntermediateThrowEvent) node;
    if (event.definition() instanceof EventDefinition.Escalation escalation) {
      EscalationPropagation.throwFrom(session, instance, execution, escalation.escalationCode());
    } else if (event.definition() instanceof EventDefinition.Signal signal) {
      Signals.throwFrom(session, instance, execution, node, signal);
    } else if (event.definition() instanceof EventDefinition.Compensate compensate) {
      Execution scope = Compensation.compensatedScope(instance, execution);
      if (Compensation.throwFrom(session, instance, execution, scope, compensate.activityRef())) {
        return; // goes on when the last handler ends (Compensation.handlersDone)
      }
    } else if (event.definition() instanceof EventDefinition.MessageTask message) {
      ExternalTaskWork.create(session, instance, execution, node, message.topic());
      return; // goes on when a worker completes the external task
    } else if (event.definition() instanceof EventDefinition.Link link) {
      session.history().activityEnded(execution.activityInstanceId());
      session.enter(instance, execution, linkTarget(instance, event, link));
      return;
    }
    if (!execution.isRemoved()) {
      session.leave(instance, execution);
    }
  }
}

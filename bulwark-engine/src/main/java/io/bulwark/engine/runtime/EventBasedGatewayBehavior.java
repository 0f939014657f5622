package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import java.sql.SQLException;

/**
 * The execution waits at the gateway, owning one subscription (message, signal, conditional) or
 * timer per catch event its flows lead to; the first event that arrives ({@link #fired}) drops the
 * others and continues the execution from that catch event, as in Camunda.
 */
final class EventBasedGatewayBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    for (SequenceFlow flow : instance.model().outgoing(node.id())) {
      var event = (IntermediateCatchEvent) instance.model().node(flow.targetId());
      EventDefinition definition = event.definition();
      if (definition instanceof EventDefinition.Message message) {
        Subscriptions.subscribe(
            session, instance, execution, Subscriptions.MESSAGE, message.messageName(), event.id());
      } else if (definition instanceof EventDefinition.Signal signal) {
        Subscriptions.subscribe(
            session,
            instance,
            execution,
            Subscriptions.SIGNAL,
            Signals.nameAt(session, instance, execution, signal, event.id()),
            event.id());
      } else if (definition instanceof EventDefinition.Timer timer) {
        TimerScheduler.scheduleIntermediate(session, instance, execution, event.id(), timer.spec());
      } else if (definition instanceof EventDefinition.Conditional) {
        // checked once the agenda is empty, then after each change of variables (ConditionalEvents)
        Subscriptions.subscribe(
            session, instance, execution, Subscriptions.CONDITIONAL, event.id(), event.id());
      }
    }
  }

  /** {@code event} happened first: leave the gateway for it and continue after it. */
  static void fired(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode event)
      throws SQLException {
    FlowNode gateway = instance.model().node(execution.activityId());
    session.attachments().remove(instance, execution, gateway, Attachments.Cause.CANCEL);
    session.history().activityEnded(execution.activityInstanceId());
    String historyId =
        session
            .history()
            .activityStarted(
                instance.id(), execution.id(), event.id(), event.type().xmlName(), event.name());
    execution.moveTo(event.id(), historyId);
    session.leave(instance, execution);
  }
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.command.RowIds;
import java.sql.SQLException;

/**
 * Message: subscribes the execution to the message name and waits for correlation. Signal: the same
 * for a signal name, until a broadcast ({@link Signals}). Timer: creates a timer job and waits
 * until it fires ({@link ProcessRuntime#fireTimer}).
 */
final class IntermediateCatchEventBehavior implements NodeBehavior {

  static final String MESSAGE = "message";

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    IntermediateCatchEvent event = (IntermediateCatchEvent) node;
    if (event.definition() instanceof EventDefinition.Message message) {
      var row =
          new RuntimeRows.SubscriptionRow(
              RowIds.next(),
              MESSAGE,
              message.messageName(),
              execution.id(),
              instance.id(),
              node.id(),
              null,
              session.context().now());
      session.context().unitOfWork().insert(RuntimeRows.SUBSCRIPTION, row);
      session.attachments().created(execution.id(), RuntimeRows.SUBSCRIPTION, row.id());
    } else if (event.definition() instanceof EventDefinition.Signal signal) {
      Subscriptions.subscribe(
          session,
          instance,
          execution,
          Subscriptions.SIGNAL,
          Signals.nameAt(session, instance, execution, signal, node.id()),
          node.id());
    } else if (event.definition() instanceof EventDefinition.Conditional) {
      // checked once the agenda is empty, then after each change of variables (ConditionalEvents)
      Subscriptions.subscribe(
          session, instance, execution, Subscriptions.CONDITIONAL, node.id(), node.id());
    } else if (event.definition() instanceof EventDefinition.Link) {
      session.leave(instance, execution); // reached from its link throw event
    } else if (event.definition() instanceof EventDefinition.Timer timer) {
      TimerScheduler.scheduleIntermediate(session, instance, execution, node.id(), timer.spec());
    } else {
      throw new ProcessExecutionException("unsupported catch event " + node.id());
    }
  }
}

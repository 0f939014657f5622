package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.command.RowIds;
import java.sql.SQLException;

/**
 * Message boundary events: subscribed when their activity starts (owned by the activity's
 * execution, so they go when it leaves or is cancelled), and fired like timer boundary events.
 */
final class BoundaryTrigger {

  private BoundaryTrigger() {}

  /** Subscribes the activity's execution to its message and signal boundary events. */
  static void subscribeMessages(
      RuntimeSession session, InstanceState instance, Execution execution, Activity activity)
      throws SQLException {
    for (BoundaryEvent boundary : instance.model().boundaryEvents(activity.id())) {
      if (boundary.definition() instanceof EventDefinition.Message message) {
        var row =
            new RuntimeRows.SubscriptionRow(
                RowIds.next(),
                IntermediateCatchEventBehavior.MESSAGE,
                message.messageName(),
                execution.id(),
                instance.id(),
                boundary.id(),
                null,
                session.context().now());
        session.context().unitOfWork().insert(RuntimeRows.SUBSCRIPTION, row);
        session.attachments().created(execution.id(), RuntimeRows.SUBSCRIPTION, row.id());
      } else if (boundary.definition() instanceof EventDefinition.Conditional) {
        Subscriptions.subscribe(
            session, instance, execution, Subscriptions.CONDITIONAL, boundary.id(), boundary.id());
      } else if (boundary.definition() instanceof EventDefinition.Signal signal) {
        Subscriptions.subscribe(
            session,
            instance,
            execution,
            Subscriptions.SIGNAL,
            Signals.nameAt(session, instance, execution, signal, boundary.id()),
            boundary.id());
      }
    }
  }

  /**
   * Fires {@code boundary} of the activity where {@code execution} is: interrupting, the activity
   * is cancelled with everything inside it and the execution continues at the boundary event;
   * non-interrupting, a new token starts there and the activity (and its subscriptions) stays.
   */
  static void fire(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      BoundaryEvent boundary,
      String cause)
      throws SQLException {
    if (boundary.cancelActivity()) {
      session.cancelBelow(instance, execution, cause);
      session.cancelOne(instance, execution, cause);
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

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import java.sql.SQLException;

/**
 * A cancel end event inside a transaction, as in Camunda 7: the other executions in the transaction
 * are cancelled, the transaction's completed compensable activities are compensated (the end event
 * waits for the handlers), then the transaction is cancelled and left by its cancel boundary event
 * (of the multi-instance body, for a multi-instance transaction).
 */
final class TransactionCancel {

  private TransactionCancel() {}

  static void cancel(RuntimeSession session, InstanceState instance, Execution thrower)
      throws SQLException {
    Execution transaction = Compensation.scopeOf(instance, thrower);
    String reason = "transaction cancelled at " + thrower.activityId();
    for (Execution other : instance.children(transaction)) {
      if (other != thrower) {
        session.cancelBelow(instance, other, reason);
        session.cancelOne(instance, other, reason);
        other.remove();
      }
    }
    if (!Compensation.throwFrom(session, instance, thrower, transaction, null)) {
      leave(session, instance, thrower);
    }
  }

  /** Compensation is done: the transaction ends and its cancel boundary event goes on. */
  static void leave(RuntimeSession session, InstanceState instance, Execution thrower)
      throws SQLException {
    Execution transaction = Compensation.scopeOf(instance, thrower);
    FlowNode node = instance.model().node(transaction.activityId());
    Execution target =
        MultiInstanceBehavior.isRun(instance, transaction, node.id())
            ? instance.parentOf(transaction)
            : transaction;
    BoundaryEvent boundary =
        instance.model().boundaryEvents(node.id()).stream()
            .filter(b -> b.definition() instanceof EventDefinition.Cancel)
            .findFirst()
            .orElseThrow(() -> new ProcessExecutionException(node.id() + " has no cancel event"));
    String reason = "transaction cancelled at " + thrower.activityId();
    session.cancelBelow(instance, target, reason);
    session.cancelOne(instance, target, reason);
    target.setScope(false);
    session.enter(instance, target, boundary);
  }
}

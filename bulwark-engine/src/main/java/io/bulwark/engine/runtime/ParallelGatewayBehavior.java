package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.ExecutionListeners;
import io.bulwark.engine.bpmn.model.FlowNode;
import java.sql.SQLException;
import java.util.List;

/**
 * Forks on every outgoing flow; joins by waiting until one execution per incoming flow has arrived
 * in the same scope. Arrivals are counted over the executions loaded after the instance's root row
 * was locked (see {@link RuntimeSession#instance}), so two concurrent arrivals run one after the
 * other: the second sees the first and fires the join exactly once; neither waits forever.
 */
final class ParallelGatewayBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    int expected = instance.model().incoming(node.id()).size();
    if (expected > 1) {
      execution.setActive(false);
      Execution scope = instance.parentOf(execution);
      List<Execution> arrived =
          instance.children(scope).stream()
              .filter(c -> node.id().equals(c.activityId()) && !c.active())
              .toList();
      if (arrived.size() < expected) {
        return;
      }
      int toRemove = expected - 1;
      for (Execution other : arrived) {
        if (other != execution && toRemove > 0) {
          session.history().activityEnded(other.activityInstanceId());
          other.remove();
          toRemove--;
        }
      }
      execution.setActive(true);
      if (instance.children(scope).size() == 1) {
        execution.setConcurrent(false);
      }
    }
    ExecutionListenerRunner.run(
        session, instance, execution, node.id(), ExecutionListeners.Event.END);
    session.history().activityEnded(execution.activityInstanceId());
    session
        .runtime()
        .async()
        .leaveGateway(session, instance, execution, node, instance.model().outgoing(node.id()));
  }
}

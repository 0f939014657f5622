package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.ExclusiveGateway;
import io.bulwark.engine.bpmn.model.ExecutionListeners;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import java.sql.SQLException;
import java.util.List;

/**
 * Takes the first outgoing flow (document order) whose condition is true or that has none, else the
 * default flow; when nothing matches the command fails with {@link ProcessExecutionException} and
 * nothing is written.
 */
final class ExclusiveGatewayBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    ExclusiveGateway gateway = (ExclusiveGateway) node;
    SequenceFlow chosen = null;
    SequenceFlow fallback = null;
    for (SequenceFlow flow : instance.model().outgoing(node.id())) {
      if (flow.id().equals(gateway.defaultFlowId())) {
        fallback = flow;
      } else if (flow.condition() == null
          || session.condition(instance, execution, flow.condition(), flow.id())) {
        chosen = flow;
        break;
      }
    }
    if (chosen == null) {
      chosen = fallback;
    }
    if (chosen == null) {
      throw new ProcessExecutionException(
          "no outgoing flow of exclusive gateway "
              + node.id()
              + " matched in process instance "
              + instance.id());
    }
    ExecutionListenerRunner.run(
        session, instance, execution, node.id(), ExecutionListeners.Event.END);
    session.history().activityEnded(execution.activityInstanceId());
    session.runtime().async().leaveGateway(session, instance, execution, node, List.of(chosen));
  }
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.ExecutionListeners;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.InclusiveGateway;
import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Forks on every outgoing flow whose condition is true or absent (the default flow only when none
 * is); joins when no other execution of the scope can still reach the gateway. A join is checked
 * again whenever an execution of the scope ends, since that may be the last one that could arrive.
 */
final class InclusiveGatewayBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    if (instance.model().incoming(node.id()).size() > 1) {
      execution.setActive(false);
      if (!canFire(instance, execution, node.id())) {
        return;
      }
      fire(session, instance, execution);
      return;
    }
    fork(session, instance, execution, (InclusiveGateway) node);
  }

  /** After an execution ended: fires waiting joins of the scope that nothing can reach anymore. */
  static void reconsiderWaiting(
      RuntimeSession session, InstanceState instance, List<Execution> left) throws SQLException {
    for (Execution waiting : left) {
      if (waiting.active() || waiting.isRemoved() || waiting.activityId() == null) {
        continue;
      }
      FlowNode node = instance.model().node(waiting.activityId());
      if (node instanceof InclusiveGateway && canFire(instance, waiting, node.id())) {
        fire(session, instance, waiting);
      }
    }
  }

  private static void fire(RuntimeSession session, InstanceState instance, Execution execution)
      throws SQLException {
    Execution scope = instance.parentOf(execution);
    for (Execution other : instance.children(scope)) {
      if (other != execution
          && Objects.equals(execution.activityId(), other.activityId())
          && !other.active()) {
        session.history().activityEnded(other.activityInstanceId());
        other.remove();
      }
    }
    execution.setActive(true);
    InclusiveGateway gateway = (InclusiveGateway) instance.model().node(execution.activityId());
    fork(session, instance, execution, gateway);
  }

  private static void fork(
      RuntimeSession session, InstanceState instance, Execution execution, InclusiveGateway node)
      throws SQLException {
    List<SequenceFlow> taken = new ArrayList<>();
    SequenceFlow fallback = null;
    for (SequenceFlow flow : instance.model().outgoing(node.id())) {
      if (flow.id().equals(node.defaultFlowId())) {
        fallback = flow;
      } else if (flow.condition() == null
          || session.condition(instance, execution, flow.condition(), flow.id())) {
        taken.add(flow);
      }
    }
    if (taken.isEmpty() && fallback != null) {
      taken.add(fallback);
    }
    if (taken.isEmpty()) {
      throw new ProcessExecutionException(
          "no outgoing flow of inclusive gateway "
              + node.id()
              + " matched in process instance "
              + instance.id());
    }
    ExecutionListenerRunner.run(
        session, instance, execution, node.id(), ExecutionListeners.Event.END);
    session.history().activityEnded(execution.activityInstanceId());
    session.runtime().async().leaveGateway(session, instance, execution, node, taken);
  }

  private static boolean canFire(InstanceState instance, Execution execution, String gatewayId) {
    Execution scope = instance.parentOf(execution);
    for (Execution other : instance.children(scope)) {
      boolean waitingHere = gatewayId.equals(other.activityId()) && !other.active();
      if (!waitingHere
          && other.activityId() != null
          && reaches(instance.model(), other.activityId(), gatewayId)) {
        return false;
      }
    }
    return true;
  }

  private static boolean reaches(ProcessModel model, String from, String target) {
    Deque<String> open = new ArrayDeque<>(List.of(from));
    Set<String> seen = new HashSet<>();
    while (!open.isEmpty()) {
      String current = open.pop();
      if (!seen.add(current)) {
        continue;
      }
      if (current.equals(target) && !current.equals(from)) {
        return true;
      }
      for (SequenceFlow flow : model.outgoing(current)) {
        if (flow.targetId() != null) {
          open.push(flow.targetId());
        }
      }
      if (model.node(current) instanceof Activity) {
        for (BoundaryEvent boundary : model.boundaryEvents(current)) {
          open.push(boundary.id());
        }
      }
    }
    return false;
  }
}

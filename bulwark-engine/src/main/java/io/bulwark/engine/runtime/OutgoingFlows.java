package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which flows an activity or event takes when it is left, as in Camunda: every flow that has no
 * condition or whose condition is true, except its {@code default} flow, which is taken only when
 * no other is; none at all is an error. Without conditions and default this is every flow (a fork).
 * Gateways choose their flows themselves.
 */
final class OutgoingFlows {

  private OutgoingFlows() {}

  static List<SequenceFlow> select(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    List<SequenceFlow> all = instance.model().outgoing(node.id());
    String defaultId = instance.model().defaultFlow(node.id());
    if (defaultId == null && all.stream().allMatch(f -> f.condition() == null)) {
      return all;
    }
    List<SequenceFlow> taken = new ArrayList<>();
    SequenceFlow fallback = null;
    for (SequenceFlow flow : all) {
      if (flow.id().equals(defaultId)) {
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
          "no outgoing flow of "
              + node.type().xmlName()
              + " "
              + node.id()
              + " could be taken in process instance "
              + instance.id()
              + ": every condition is false and there is no default flow");
    }
    return taken;
  }
}

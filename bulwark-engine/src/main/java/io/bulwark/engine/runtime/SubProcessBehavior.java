package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;

/**
 * The entering execution becomes the sub-process scope and gets one child at the sub-process's none
 * start event; when the last child ends, {@link Operations.EndExecutionOperation} turns the scope
 * back into a token and leaves the sub-process.
 */
final class SubProcessBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node) {
    StartEvent start = instance.model().noneStartEvent(node.id());
    if (start == null) {
      throw new ProcessExecutionException("sub-process " + node.id() + " has no none start event");
    }
    execution.setScope(true);
    Execution child = instance.createChild(execution);
    session.enter(instance, child, start);
  }
}

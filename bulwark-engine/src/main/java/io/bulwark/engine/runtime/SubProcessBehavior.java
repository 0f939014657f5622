package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.SubProcess;

/**
 * The entering execution becomes the sub-process scope and gets one child at the sub-process's none
 * start event (an event sub-process: at its triggered start event) and owns the triggers of the
 * event sub-processes inside it; when the last child ends, {@link Operations.EndExecutionOperation}
 * turns the scope back into a token and leaves the sub-process.
 */
final class SubProcessBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws java.sql.SQLException {
    StartEvent start =
        ((SubProcess) node).triggeredByEvent()
            ? instance.model().startEvents(node.id()).get(0)
            : instance.model().noneStartEvent(node.id());
    if (start == null) {
      throw new ProcessExecutionException("sub-process " + node.id() + " has no none start event");
    }
    execution.setScope(true);
    EventSubProcesses.subscribe(session, instance, execution, node.id());
    Execution child = instance.createChild(execution);
    session.enter(instance, child, start);
  }
}

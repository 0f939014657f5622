package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;

/**
 * Untyped and manual tasks: nothing to do or wait for, so the execution leaves at once by its
 * outgoing flows (or ends, when there are none).
 */
final class PassThroughBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node) {
    session.leave(instance, execution);
  }
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;

/**
 * Start events: none, and message start events (the instance was created by correlation) — both
 * continue at once. Timer start events are started the same way by the job that fires them.
 */
final class NoneStartEventBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node) {
    session.leave(instance, execution);
  }
}

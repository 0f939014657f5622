package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;

/**
 * A boundary event that fired (error caught, timer due): the execution that was moved or created
 * here by {@link ErrorPropagation} or {@link TimerScheduler} continues at once along its flows.
 */
final class BoundaryEventBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node) {
    session.leave(instance, execution);
  }
}

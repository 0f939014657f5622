package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Attached to activity {@code attachedToId}: a {@link EventDefinition.Timer} or {@link
 * EventDefinition.Message} (interrupting or not) or an {@link EventDefinition.ErrorEvent} (always
 * interrupting), or an {@link EventDefinition.Escalation} on a sub-process or call activity
 * (interrupting or not). {@code async}: {@code camunda:asyncBefore} defers the event's leaving to a
 * job once it fired (the activity is already cancelled when it interrupts), {@code asyncAfter}
 * defers taking its outgoing flows.
 */
public record BoundaryEvent(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    @Nullable String attachedToId,
    boolean cancelActivity,
    EventDefinition definition,
    AsyncSettings async)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.BOUNDARY_EVENT;
  }
}

package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * An end event: {@link EventDefinition.None}, {@link EventDefinition.Terminate}, {@link
 * EventDefinition.ErrorEvent} (throws the error to the nearest boundary error event) or {@link
 * EventDefinition.Escalation} (throws the escalation, then the token ends).
 */
public record EndEvent(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    EventDefinition definition)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.END_EVENT;
  }
}

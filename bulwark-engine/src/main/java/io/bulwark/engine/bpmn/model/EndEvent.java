package io.bulwark.engine.bpmn.model;

/**
 * An end event: {@link EventDefinition.None}, {@link EventDefinition.Terminate} or {@link
 * EventDefinition.ErrorEvent} (throws the error to the nearest boundary error event).
 */
public record EndEvent(String id, String name, int line, String scopeId, EventDefinition definition)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.END_EVENT;
  }
}

package io.bulwark.engine.bpmn.model;

/**
 * A start event: {@link EventDefinition.None}, {@link EventDefinition.Message} or {@link
 * EventDefinition.Timer}; message and timer start events exist only at process level.
 */
public record StartEvent(
    String id,
    String name,
    int line,
    String scopeId,
    AsyncSettings async,
    EventDefinition definition)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.START_EVENT;
  }
}

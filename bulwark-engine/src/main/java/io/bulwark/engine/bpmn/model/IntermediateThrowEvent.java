package io.bulwark.engine.bpmn.model;

/**
 * An intermediate throw event. Only the none event ({@link EventDefinition.None}) is supported: it
 * marks a state reached and passes the token on at once; the reader refuses other definitions.
 */
public record IntermediateThrowEvent(
    String id, String name, int line, String scopeId, EventDefinition definition)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.INTERMEDIATE_THROW_EVENT;
  }
}

package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * An intermediate throw event: none ({@link EventDefinition.None}) marks a state reached and passes
 * the token on at once; {@link EventDefinition.Escalation} first throws the escalation to the
 * enclosing boundary events, then goes on unless an interrupting one caught it.
 */
public record IntermediateThrowEvent(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    EventDefinition definition)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.INTERMEDIATE_THROW_EVENT;
  }
}

package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Waits for a {@link EventDefinition.Timer} or {@link EventDefinition.Message}, then leaves by its
 * one outgoing flow.
 */
public record IntermediateCatchEvent(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    EventDefinition definition)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.INTERMEDIATE_CATCH_EVENT;
  }
}

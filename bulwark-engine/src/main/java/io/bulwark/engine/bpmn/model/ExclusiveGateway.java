package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Takes the first outgoing flow (document order) whose condition is true, else the default flow
 * ({@code defaultFlowId}, may be null); none at all is an incident. A gateway with one outgoing
 * flow may have no condition.
 */
public record ExclusiveGateway(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    @Nullable String defaultFlowId)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.EXCLUSIVE_GATEWAY;
  }
}

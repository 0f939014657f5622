package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Forks on every outgoing flow whose condition is true (default flow if none); joins the incoming
 * paths that can still arrive.
 */
public record InclusiveGateway(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    @Nullable String defaultFlowId)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.INCLUSIVE_GATEWAY;
  }
}

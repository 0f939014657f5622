package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/** Forks on all outgoing flows; joins by waiting for one token per incoming flow. */
public record ParallelGateway(
    String id, @Nullable String name, int line, String scopeId, AsyncSettings async)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.PARALLEL_GATEWAY;
  }
}

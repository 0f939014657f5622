package io.bulwark.engine.bpmn.model;

/** Forks on all outgoing flows; joins by waiting for one token per incoming flow. */
public record ParallelGateway(String id, String name, int line, String scopeId, AsyncSettings async)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.PARALLEL_GATEWAY;
  }
}

package io.bulwark.engine.bpmn.model;

/**
 * Forks on every outgoing flow whose condition is true (default flow if none); joins the incoming
 * paths that can still arrive.
 */
public record InclusiveGateway(
    String id, String name, int line, String scopeId, AsyncSettings async, String defaultFlowId)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.INCLUSIVE_GATEWAY;
  }
}

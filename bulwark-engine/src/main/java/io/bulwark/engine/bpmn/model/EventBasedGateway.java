package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Waits for the first of the events its outgoing flows lead to (message, timer or signal catch
 * events): the execution stays at the gateway, subscribed to all of them, and continues at the one
 * that happens first; the others are dropped.
 */
public record EventBasedGateway(
    String id, @Nullable String name, int line, String scopeId, AsyncSettings async)
    implements FlowNode {

  @Override
  public ElementType type() {
    return ElementType.EVENT_BASED_GATEWAY;
  }
}

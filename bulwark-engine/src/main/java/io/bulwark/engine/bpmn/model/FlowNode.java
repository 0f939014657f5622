package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * A node of the process graph. {@code scopeId} is the ID of the process or embedded sub-process
 * that directly contains the node; {@code name} may be null; {@code line} is where the element
 * starts in the deployed XML.
 */
public sealed interface FlowNode
    permits StartEvent,
        EndEvent,
        IntermediateCatchEvent,
        IntermediateThrowEvent,
        BoundaryEvent,
        Activity,
        ExclusiveGateway,
        ParallelGateway,
        InclusiveGateway,
        EventBasedGateway {

  String id();

  @Nullable String name();

  int line();

  String scopeId();

  ElementType type();

  /**
   * {@code camunda:asyncBefore/asyncAfter/exclusive}; {@link AsyncSettings#NONE} for nodes that
   * cannot have them (boundary events).
   */
  default AsyncSettings async() {
    return AsyncSettings.NONE;
  }
}

package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;

/**
 * A directed edge. {@code condition} is null for an unconditional flow; conditions exist only on
 * flows leaving exclusive and inclusive gateways (checked at deployment).
 */
public record SequenceFlow(
    String id,
    String name,
    int line,
    String scopeId,
    String sourceId,
    String targetId,
    Expression condition) {}

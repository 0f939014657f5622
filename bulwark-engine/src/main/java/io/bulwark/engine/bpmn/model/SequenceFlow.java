package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import org.jspecify.annotations.Nullable;

/**
 * A directed edge. {@code condition} is null for an unconditional flow; conditions exist only on
 * flows leaving exclusive and inclusive gateways (checked at deployment).
 */
public record SequenceFlow(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    @Nullable String sourceId,
    @Nullable String targetId,
    @Nullable Expression condition) {}

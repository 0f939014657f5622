package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/** A {@code bpmn:escalation} at definitions level; {@code name} and {@code code} may be null. */
public record BpmnEscalation(String id, @Nullable String name, @Nullable String code, int line) {}

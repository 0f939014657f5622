package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/** A {@code bpmn:message} at definitions level; {@code name} is what correlation matches. */
public record BpmnMessage(String id, @Nullable String name, int line) {}

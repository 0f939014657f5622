package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/** A {@code bpmn:error} at definitions level; {@code name} and {@code errorCode} may be null. */
public record BpmnError(String id, @Nullable String name, @Nullable String errorCode, int line) {}

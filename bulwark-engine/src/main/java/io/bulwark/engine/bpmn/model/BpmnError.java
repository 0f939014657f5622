package io.bulwark.engine.bpmn.model;

/** A {@code bpmn:error} at definitions level; {@code name} and {@code errorCode} may be null. */
public record BpmnError(String id, String name, String errorCode, int line) {}

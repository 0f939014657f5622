package io.bulwark.engine.bpmn.model;

/** A {@code bpmn:message} at definitions level; {@code name} is what correlation matches. */
public record BpmnMessage(String id, String name, int line) {}

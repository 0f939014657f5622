package io.bulwark.engine.bpmn.model;

/** A {@code bpmn:escalation} at definitions level; {@code name} and {@code code} may be null. */
public record BpmnEscalation(String id, String name, String code, int line) {}

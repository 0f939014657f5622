package io.bulwark.engine.bpmn.model;

/** A {@code bpmn:signal} at definitions level; {@code name} is what a broadcast matches. */
public record BpmnSignal(String id, String name, int line) {}

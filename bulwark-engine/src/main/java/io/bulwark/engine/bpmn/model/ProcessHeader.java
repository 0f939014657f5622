package io.bulwark.engine.bpmn.model;

/**
 * The attributes of a {@code bpmn:process}; {@code name}, {@code versionTag} and {@code
 * historyTimeToLiveDays} may be null.
 */
public record ProcessHeader(
    String id,
    String name,
    boolean executable,
    String versionTag,
    Integer historyTimeToLiveDays,
    int line) {}

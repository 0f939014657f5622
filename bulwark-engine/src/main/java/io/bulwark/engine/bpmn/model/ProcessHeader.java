package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * The attributes of a {@code bpmn:process}; {@code name}, {@code versionTag} and {@code
 * historyTimeToLiveDays} may be null.
 */
public record ProcessHeader(
    String id,
    @Nullable String name,
    boolean executable,
    @Nullable String versionTag,
    @Nullable Integer historyTimeToLiveDays,
    int line) {}

package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * A deployed version of a process; {@code name} and {@code tenantId} may be null. A suspended
 * definition cannot be started (by a call, a message, a signal or its timer) until it is activated.
 */
public record ProcessDefinition(
    String id,
    String key,
    int version,
    @Nullable String name,
    String deploymentId,
    String resourceName,
    @Nullable String tenantId,
    boolean suspended) {}

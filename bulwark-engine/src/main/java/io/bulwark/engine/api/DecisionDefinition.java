package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * A deployed version of a DMN decision; {@code name} and {@code tenantId} may be null. The decision
 * is read from {@code resourceName} of its deployment.
 */
public record DecisionDefinition(
    String id,
    String key,
    int version,
    @Nullable String name,
    String deploymentId,
    String resourceName,
    @Nullable String tenantId) {}

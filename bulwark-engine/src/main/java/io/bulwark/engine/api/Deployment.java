package io.bulwark.engine.api;

import java.time.Instant;

/** A deployment as the repository lists it; {@code tenantId} and {@code deployedBy} may be null. */
public record Deployment(
    String id, String name, Instant deploymentTime, String deployedBy, String tenantId) {}

package io.bulwark.engine.api;

import java.time.Instant;

/**
 * A running process instance as a query returns it. Nullable: businessKey, startedBy, tenantId, and
 * startedAt of an instance that was already running, without history, when the V22 migration ran.
 */
public record ProcessInstanceView(
    String id,
    String processDefinitionId,
    String processDefinitionKey,
    int processDefinitionVersion,
    String businessKey,
    String startedBy,
    Instant startedAt,
    boolean suspended,
    String tenantId) {}

package io.bulwark.engine.runtime;

import java.time.Instant;

/**
 * One row of {@code bw_execution} as read from the database; {@code startedAt} is set on the root
 * (the process instance's start time) and null on the other executions.
 */
record ExecutionRow(
    String id,
    String processInstanceId,
    String parentId,
    String processDefinitionId,
    String activityId,
    String businessKey,
    boolean active,
    boolean concurrent,
    boolean scope,
    String startedBy,
    String tenantId,
    String superExecutionId,
    String activityInstanceId,
    Instant startedAt,
    long rev) {}

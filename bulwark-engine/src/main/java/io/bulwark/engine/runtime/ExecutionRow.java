package io.bulwark.engine.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code bw_execution} as read from the database; {@code startedAt} is set on the root
 * (the process instance's start time) and null on the other executions.
 */
record ExecutionRow(
    String id,
    String processInstanceId,
    @Nullable String parentId,
    String processDefinitionId,
    @Nullable String activityId,
    @Nullable String businessKey,
    boolean active,
    boolean concurrent,
    boolean scope,
    @Nullable String startedBy,
    @Nullable String tenantId,
    @Nullable String superExecutionId,
    @Nullable String activityInstanceId,
    @Nullable Instant startedAt,
    long rev) {}

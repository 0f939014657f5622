package io.bulwark.engine.runtime;

/** One row of {@code bw_execution} as read from the database. */
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
    long rev) {}

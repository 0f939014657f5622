package io.bulwark.engine.api;

import java.time.Instant;

/**
 * A job as {@link ManagementService} shows it: an async continuation or a timer waiting to run.
 *
 * @param exceptionMessage the last failure in one line (no stack trace), or {@code null}
 * @param retries retries left; 0 means the job waits on an incident
 * @param priority the {@code camunda:jobPriority} of its activity or process (0 when none); the job
 *     executor acquires higher priorities first
 */
public record Job(
    String id,
    String type,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String activityId,
    Instant dueDate,
    int retries,
    String exceptionMessage,
    boolean locked,
    boolean suspended,
    Instant createdAt,
    long priority) {}

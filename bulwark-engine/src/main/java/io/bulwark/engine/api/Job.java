package io.bulwark.engine.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
    @Nullable String executionId,
    @Nullable String processInstanceId,
    @Nullable String processDefinitionId,
    @Nullable String activityId,
    @Nullable Instant dueDate,
    int retries,
    @Nullable String exceptionMessage,
    boolean locked,
    boolean suspended,
    Instant createdAt,
    long priority) {}

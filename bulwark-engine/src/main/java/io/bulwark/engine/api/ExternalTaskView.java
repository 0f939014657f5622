package io.bulwark.engine.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An external task as lists show it (Camunda's {@code ExternalTaskDto}); error details are read
 * apart ({@link ExternalTaskService#getErrorDetails}).
 *
 * @param retries retries left, or {@code null} while no failure set them
 */
public record ExternalTaskView(
    String id,
    String topicName,
    @Nullable String workerId,
    @Nullable Instant lockExpirationTime,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    @Nullable String businessKey,
    @Nullable Integer retries,
    @Nullable String errorMessage,
    long priority,
    boolean suspended,
    @Nullable String tenantId,
    Instant createTime) {}

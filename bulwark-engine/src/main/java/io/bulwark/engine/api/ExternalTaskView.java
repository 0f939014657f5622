package io.bulwark.engine.api;

import java.time.Instant;

/**
 * An external task as lists show it (Camunda's {@code ExternalTaskDto}); error details are read
 * apart ({@link ExternalTaskService#getErrorDetails}).
 *
 * @param retries retries left, or {@code null} while no failure set them
 */
public record ExternalTaskView(
    String id,
    String topicName,
    String workerId,
    Instant lockExpirationTime,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String businessKey,
    Integer retries,
    String errorMessage,
    long priority,
    boolean suspended,
    String tenantId,
    Instant createTime) {}

package io.bulwark.engine.externaltask;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An external task the execution core creates when an execution reaches a service task of type
 * {@code external}. {@code processDefinitionKey}, {@code businessKey} and {@code tenantId} are
 * copied so that fetching needs no joins; they may be {@code null}.
 */
public record NewExternalTask(
    String topic,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    @Nullable String businessKey,
    long priority,
    @Nullable String tenantId) {

  public NewExternalTask {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(processInstanceId, "processInstanceId");
    Objects.requireNonNull(activityId, "activityId");
  }
}

package io.bulwark.engine.api;

import io.bulwark.engine.variable.TypedValue;
import java.time.Instant;
import java.util.Map;

/** An external task locked to a worker, with the variables the worker asked for. */
public record LockedExternalTask(
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
    String tenantId,
    Map<String, TypedValue> variables) {

  public LockedExternalTask {
    variables = Map.copyOf(variables);
  }
}

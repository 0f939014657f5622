package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An external task locked to a worker, with the variables the worker asked for as Java values:
 * {@code String}, {@code Boolean}, {@code Long}, {@code Double}, {@code Instant}, a Jackson {@code
 * JsonNode} for JSON, {@code byte[]}, or {@code null}.
 */
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
    @Nullable String businessKey,
    @Nullable Integer retries,
    @Nullable String errorMessage,
    long priority,
    @Nullable String tenantId,
    Map<String, Object> variables) {

  public LockedExternalTask {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }
}

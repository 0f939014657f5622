package io.bulwark.engine.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a worker reports when its external task failed (Camunda 7's {@code ExternalTaskFailureDto}):
 * a one-line message and details (both may be null), the retries left and how long until the task
 * may be fetched again, and variables to set while the task waits ({@code variables} as {@code
 * setVariables} from its execution, {@code localVariables} on that execution; either may be empty).
 */
public record ExternalTaskFailure(
    @Nullable String errorMessage,
    @Nullable String errorDetails,
    int retries,
    long retryTimeoutMillis,
    Map<String, Object> variables,
    Map<String, Object> localVariables) {

  public ExternalTaskFailure {
    variables = variables == null ? Map.of() : copy(variables);
    localVariables = localVariables == null ? Map.of() : copy(localVariables);
  }

  /** A failure without variables. */
  public static ExternalTaskFailure of(
      @Nullable String errorMessage,
      @Nullable String errorDetails,
      int retries,
      long retryTimeoutMillis) {
    return new ExternalTaskFailure(
        errorMessage, errorDetails, retries, retryTimeoutMillis, Map.of(), Map.of());
  }

  /** Keeps null values (Camunda's Null type), which {@code Map.copyOf} refuses. */
  private static Map<String, Object> copy(Map<String, Object> values) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }
}

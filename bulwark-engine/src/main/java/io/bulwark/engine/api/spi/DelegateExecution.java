package io.bulwark.engine.api.spi;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link JavaDelegate} sees of the running process instance. Values are JSON-like Java
 * values: String, Boolean, Long, Double, {@link java.time.Instant}, Map/List (JSON) and byte[].
 * Valid only during {@link JavaDelegate#execute}.
 */
public interface DelegateExecution {

  String processInstanceId();

  String activityId();

  /** The business key of the process instance, or null. */
  @Nullable String businessKey();

  /** The variable's value, or null when absent. */
  @Nullable Object getVariable(String name);

  /** All process variables. */
  Map<String, Object> getVariables();

  /** Sets a process variable, with the same limits as the API (E4, W11). */
  void setVariable(String name, Object value);
}

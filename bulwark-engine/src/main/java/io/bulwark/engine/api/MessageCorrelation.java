package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message to correlate by name, optionally narrowed to the instance with a business key and to
 * instances whose variables equal the correlation keys; the variables are set on the instance that
 * receives it (or the one it starts).
 */
public record MessageCorrelation(
    String messageName,
    String businessKey,
    Map<String, Object> correlationKeys,
    Map<String, Object> variables) {

  public MessageCorrelation {
    Objects.requireNonNull(messageName, "messageName");
    correlationKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(correlationKeys));
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  public static MessageCorrelation named(String messageName) {
    return new MessageCorrelation(messageName, null, Map.of(), Map.of());
  }

  public MessageCorrelation withBusinessKey(String key) {
    return new MessageCorrelation(messageName, key, correlationKeys, variables);
  }

  public MessageCorrelation withCorrelationKeys(Map<String, Object> keys) {
    return new MessageCorrelation(messageName, businessKey, keys, variables);
  }

  public MessageCorrelation withVariables(Map<String, Object> values) {
    return new MessageCorrelation(messageName, businessKey, correlationKeys, values);
  }
}

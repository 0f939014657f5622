package io.bulwark.server.rest.variable;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Camunda's {@code VariableValueDto} as answered: the value in its JSON form (dates as Camunda's
 * date text, JSON as its text, bytes as Base64), the Camunda type name, and {@code valueInfo}
 * (always empty: Bulwark stores no object type names or serialization formats).
 */
public record VariableValueJson(
    @Nullable Object value, String type, Map<String, Object> valueInfo) {

  public VariableValueJson {
    valueInfo = Map.copyOf(valueInfo);
  }
}

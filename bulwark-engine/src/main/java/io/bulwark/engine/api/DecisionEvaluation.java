package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which decision to evaluate (a definition ID, or the latest version of a key, optionally in one
 * tenant) and its input variables as Java values (String, Boolean, Long, Double, Date/Instant,
 * Map/List for JSON, byte[] or null), checked against the variable limits (W11).
 */
public record DecisionEvaluation(
    @Nullable String definitionId,
    @Nullable String key,
    @Nullable String tenantId,
    Map<String, @Nullable Object> variables) {

  public DecisionEvaluation {
    if ((definitionId == null) == (key == null)) {
      throw new IllegalArgumentException("a decision is named by its definition ID or its key");
    }
    variables = new LinkedHashMap<>(Objects.requireNonNull(variables, "variables"));
  }

  public static DecisionEvaluation byId(String definitionId, Map<String, @Nullable Object> vars) {
    return new DecisionEvaluation(definitionId, null, null, vars);
  }

  public static DecisionEvaluation byKey(
      String key, @Nullable String tenantId, Map<String, @Nullable Object> vars) {
    return new DecisionEvaluation(null, key, tenantId, vars);
  }

  @Override
  public Map<String, @Nullable Object> variables() {
    return java.util.Collections.unmodifiableMap(variables);
  }
}

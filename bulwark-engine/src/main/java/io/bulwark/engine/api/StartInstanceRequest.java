package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to start: by key (latest version) or by definition id, exactly one of them; with an optional
 * business key and variables (null values allowed).
 */
public record StartInstanceRequest(
    @Nullable String processDefinitionKey,
    @Nullable String processDefinitionId,
    @Nullable String businessKey,
    Map<String, Object> variables) {

  public StartInstanceRequest {
    if ((processDefinitionKey == null) == (processDefinitionId == null)) {
      throw new IllegalArgumentException("give exactly one of process definition key and id");
    }
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  public static StartInstanceRequest byKey(String key) {
    return new StartInstanceRequest(key, null, null, Map.of());
  }

  public static StartInstanceRequest byId(String definitionId) {
    return new StartInstanceRequest(null, definitionId, null, Map.of());
  }

  public StartInstanceRequest withBusinessKey(String key) {
    return new StartInstanceRequest(processDefinitionKey, processDefinitionId, key, variables);
  }

  public StartInstanceRequest withVariables(Map<String, Object> values) {
    return new StartInstanceRequest(processDefinitionKey, processDefinitionId, businessKey, values);
  }
}

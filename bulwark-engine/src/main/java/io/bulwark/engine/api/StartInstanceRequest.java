package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to start: by key (latest version, in a tenant or without one) or by definition id, exactly
 * one of them; with an optional business key and variables (null values allowed).
 *
 * @param tenantId with a key: the tenant whose latest version starts; null for the definitions
 *     without tenant (or the one tenant that deploys the key, when none has no tenant)
 */
public record StartInstanceRequest(
    @Nullable String processDefinitionKey,
    @Nullable String processDefinitionId,
    @Nullable String businessKey,
    Map<String, Object> variables,
    @Nullable String tenantId) {

  public StartInstanceRequest {
    if ((processDefinitionKey == null) == (processDefinitionId == null)) {
      throw new IllegalArgumentException("give exactly one of process definition key and id");
    }
    if (tenantId != null && processDefinitionKey == null) {
      throw new IllegalArgumentException("a tenant goes with a key; a definition id has its own");
    }
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** Without tenant. */
  public StartInstanceRequest(
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionId,
      @Nullable String businessKey,
      Map<String, Object> variables) {
    this(processDefinitionKey, processDefinitionId, businessKey, variables, null);
  }

  /** The latest version of {@code key} deployed for {@code tenantId} (Z3). */
  public static StartInstanceRequest byKeyAndTenant(String key, String tenantId) {
    return new StartInstanceRequest(key, null, null, Map.of(), tenantId);
  }

  public static StartInstanceRequest byKey(String key) {
    return new StartInstanceRequest(key, null, null, Map.of());
  }

  public static StartInstanceRequest byId(String definitionId) {
    return new StartInstanceRequest(null, definitionId, null, Map.of());
  }

  public StartInstanceRequest withBusinessKey(@Nullable String key) {
    return new StartInstanceRequest(
        processDefinitionKey, processDefinitionId, key, variables, tenantId);
  }

  public StartInstanceRequest withVariables(Map<String, Object> values) {
    return new StartInstanceRequest(
        processDefinitionKey, processDefinitionId, businessKey, values, tenantId);
  }
}

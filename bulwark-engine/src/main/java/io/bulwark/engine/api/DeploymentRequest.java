package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Resources to deploy under a deployment name. Resources ending in {@code .bpmn} or {@code
 * .bpmn20.xml} are parsed (E1); others are stored only. Byte arrays are copied.
 */
public record DeploymentRequest(
    String name, Map<String, byte[]> resources, @Nullable String tenantId) {

  public DeploymentRequest {
    Objects.requireNonNull(name, "name");
    Map<String, byte[]> copy = new LinkedHashMap<>();
    resources.forEach((k, v) -> copy.put(Objects.requireNonNull(k), v.clone()));
    resources = java.util.Collections.unmodifiableMap(copy);
  }

  public static DeploymentRequest of(String name, String resourceName, byte[] bytes) {
    return new DeploymentRequest(name, Map.of(resourceName, bytes), null);
  }
}

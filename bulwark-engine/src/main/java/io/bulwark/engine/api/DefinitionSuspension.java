package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * Suspends or activates one process definition ({@code processDefinitionId}) or every version of a
 * key ({@code processDefinitionKey}); exactly one is given. With {@code includeProcessInstances}
 * the running instances of those definitions change with them.
 */
public record DefinitionSuspension(
    @Nullable String processDefinitionId,
    @Nullable String processDefinitionKey,
    boolean suspended,
    boolean includeProcessInstances) {

  public DefinitionSuspension {
    if ((processDefinitionId == null) == (processDefinitionKey == null)) {
      throw ValidationException.of(
          "processDefinitionId",
          "one-of",
          "give exactly one of processDefinitionId and processDefinitionKey");
    }
  }

  public static DefinitionSuspension byId(
      String id, boolean suspended, boolean includeProcessInstances) {
    return new DefinitionSuspension(id, null, suspended, includeProcessInstances);
  }

  public static DefinitionSuspension byKey(
      String key, boolean suspended, boolean includeProcessInstances) {
    return new DefinitionSuspension(null, key, suspended, includeProcessInstances);
  }
}

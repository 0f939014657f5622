package io.bulwark.engine.dmn;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a decision is evaluated, for its history: a business rule task of a process instance, or
 * the decision API (no instance). {@code sensitiveNames} are the names of the evaluation's
 * variables that are sensitive (D1); a decision whose expressions mention one keeps none of its
 * values in history.
 */
public record DecisionOrigin(
    @Nullable String processDefinitionId,
    @Nullable String processDefinitionKey,
    @Nullable String processInstanceId,
    @Nullable String startedBy,
    @Nullable String activityId,
    @Nullable String activityInstanceId,
    Set<String> sensitiveNames) {

  public DecisionOrigin {
    sensitiveNames = Set.copyOf(sensitiveNames);
  }

  /** A decision evaluated through the decision API, outside any process instance. */
  static DecisionOrigin outside(Set<String> sensitiveNames) {
    return new DecisionOrigin(null, null, null, null, null, null, sensitiveNames);
  }

  boolean inProcess() {
    return processInstanceId != null;
  }
}

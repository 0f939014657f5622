package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * Conditions of an external task list (Camunda 7's query parameters); every {@code null} field
 * matches everything.
 *
 * @param locked {@code TRUE} for tasks with an unexpired lock only, {@code FALSE} for the others
 * @param noRetriesLeft {@code TRUE} for tasks with 0 retries only, {@code FALSE} for tasks whose
 *     retries are not 0 (or not set)
 */
public record ExternalTaskFilter(
    @Nullable String externalTaskId,
    @Nullable String topicName,
    @Nullable String workerId,
    @Nullable Boolean locked,
    @Nullable Boolean noRetriesLeft,
    @Nullable String processInstanceId,
    @Nullable String executionId,
    @Nullable String activityId,
    @Nullable String processDefinitionId,
    @Nullable String processDefinitionKey) {

  /** Matches every external task. */
  public static ExternalTaskFilter all() {
    return new ExternalTaskFilter(null, null, null, null, null, null, null, null, null, null);
  }

  /** Matches the one task with this ID. */
  public static ExternalTaskFilter byId(String id) {
    return new ExternalTaskFilter(id, null, null, null, null, null, null, null, null, null);
  }
}

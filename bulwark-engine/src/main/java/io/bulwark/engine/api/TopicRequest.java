package io.bulwark.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * One topic of a fetch-and-lock request (Camunda 7 semantics).
 *
 * @param lockDurationMillis how long the fetched tasks stay locked to the worker
 * @param variableNames the variables to return; {@code null} for all, empty for none
 * @param businessKey only tasks of instances with this business key; {@code null} for any
 */
public record TopicRequest(
    String topicName, long lockDurationMillis, List<String> variableNames, String businessKey) {

  public TopicRequest {
    Objects.requireNonNull(topicName, "topicName");
    variableNames = variableNames == null ? null : List.copyOf(variableNames);
  }
}

package io.bulwark.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * A worker's fetch-and-lock request: at most {@code maxTasks} tasks over the topics, in topic
 * order; with {@code usePriority} higher priorities first, otherwise oldest first.
 */
public record FetchRequest(
    String workerId, int maxTasks, List<TopicRequest> topics, boolean usePriority) {

  public FetchRequest {
    Objects.requireNonNull(workerId, "workerId");
    topics = List.copyOf(topics);
  }
}

package io.bulwark.engine.bpmn.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code camunda:jobPriority} values of a process: on the process itself ({@code process}, null
 * when absent) and on its flow nodes, by node ID. A job of a node gets the node's priority, else
 * the process's, else 0 — as in Camunda 7. The job executor acquires higher priorities first.
 */
public record JobPriorities(@Nullable Long process, Map<String, Long> nodes) {

  /** No priority anywhere: every job gets 0. */
  public static final JobPriorities NONE = new JobPriorities(null, Map.of());

  public JobPriorities {
    nodes = Map.copyOf(nodes);
  }

  /** The priority of a job created for {@code nodeId}. */
  public long of(String nodeId) {
    Long own = nodes.get(nodeId);
    if (own != null) {
      return own;
    }
    return process == null ? 0 : process;
  }
}

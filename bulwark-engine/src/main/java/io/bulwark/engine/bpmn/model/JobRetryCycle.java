package io.bulwark.engine.bpmn.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code camunda:failedJobRetryTimeCycle} of a flow node, as in Camunda 7: {@code R5/PT5M} gives a
 * job of the node {@code retries} = 5 at its first failure, then each failure spends one and makes
 * the job due again {@code delay} later; at zero an incident is raised. Jobs of nodes without one
 * keep the executor's default retries and retry delay.
 */
public record JobRetryCycle(int retries, IsoDuration delay) {

  /** The cycles of a process's nodes, by node ID. */
  public record ByNode(Map<String, JobRetryCycle> nodes) {

    /** No node has a retry cycle. */
    public static final ByNode NONE = new ByNode(Map.of());

    public ByNode {
      nodes = Map.copyOf(nodes);
    }

    /** The cycle of the jobs of {@code nodeId}, or null for the executor's default. */
    public @Nullable JobRetryCycle of(String nodeId) {
      return nodes.get(nodeId);
    }
  }
}

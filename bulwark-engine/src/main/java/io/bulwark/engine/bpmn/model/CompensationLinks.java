package io.bulwark.engine.bpmn.model;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a process is compensated: {@code handlers} maps each activity with a compensation boundary
 * event to its {@code isForCompensation} handler activity (the target of the boundary event's
 * association); {@code handlerIds} are the activities marked {@code isForCompensation}; {@code
 * starts} maps an embedded sub-process to the compensation start event of its compensation event
 * sub-process.
 */
public record CompensationLinks(
    Map<String, String> handlers, Set<String> handlerIds, Map<String, String> starts) {

  /** A process without compensation. */
  public static final CompensationLinks NONE = new CompensationLinks(Map.of(), Set.of(), Map.of());

  public CompensationLinks {
    handlers = Map.copyOf(handlers);
    handlerIds = Set.copyOf(handlerIds);
    starts = Map.copyOf(starts);
  }

  /** Whether anything in the process can be compensated (else no subscription is ever kept). */
  public boolean active() {
    return !handlers.isEmpty() || !starts.isEmpty();
  }

  /** The compensation start event inside sub-process {@code subProcessId}, or null. */
  public @Nullable String start(String subProcessId) {
    return starts.get(subProcessId);
  }

  /** The handler activity that compensates {@code activityId}, or null. */
  public @Nullable String handler(String activityId) {
    return handlers.get(activityId);
  }

  /** Whether the node is a compensation handler (runs only when compensation is thrown). */
  public boolean isHandler(String nodeId) {
    return handlerIds.contains(nodeId);
  }
}

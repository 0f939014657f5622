package io.bulwark.engine.bpmn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * One executable {@code bpmn:process}: nodes and flows of the process and of all its embedded
 * sub-processes, by ID, with indexes for walking the graph. Immutable and thread-safe; built only
 * after the structure checks passed, so every reference resolves.
 *
 * <p>{@code versionTag} and {@code historyTimeToLiveDays} may be null (absent).
 */
public final class ProcessModel {

  private final String id;
  private final @Nullable String name;
  private final boolean executable;
  private final @Nullable String versionTag;
  private final @Nullable Integer historyTimeToLiveDays;
  private final int line;
  private final java.util.Set<String> sensitiveVariables;
  private final Map<String, FlowNode> nodes;
  private final Map<String, SequenceFlow> flows;
  private final Map<String, List<SequenceFlow>> outgoing;
  private final Map<String, List<SequenceFlow>> incoming;
  private final Map<String, List<BoundaryEvent>> boundaryEvents;
  private final Map<String, List<FlowNode>> children;
  private final Map<String, String> defaultFlows;
  private final Map<String, IoMapping> ioMappings;
  private final Map<String, MultiInstance> loops;
  private final boolean conditionalEvents;
  private final CompensationLinks compensation;
  private final JobPriorities jobPriorities;
  private final JobRetryCycle.ByNode retryCycles;
  private final ExecutionListeners listeners;

  /**
   * Nodes and flows in document order; {@code defaultFlows} maps an activity or event (not a
   * gateway, which holds its own) to its {@code default} flow ID; the {@code camunda:inputOutput}
   * mappings and multi-instance characteristics of the nodes that have them, by node ID; how the
   * process is compensated; the {@code camunda:jobPriority} values and {@code
   * failedJobRetryTimeCycle}s; the execution listeners of the process, its nodes and its flows.
   */
  public ProcessModel(
      ProcessHeader header,
      List<FlowNode> nodeList,
      List<SequenceFlow> flowList,
      Map<String, String> defaultFlows,
      Map<String, IoMapping> ioMappings,
      Map<String, MultiInstance> loops,
      CompensationLinks compensation,
      JobPriorities jobPriorities,
      JobRetryCycle.ByNode retryCycles,
      ExecutionListeners listeners) {
    this.listeners = listeners;
    this.compensation = compensation;
    this.jobPriorities = jobPriorities;
    this.retryCycles = retryCycles;
    this.defaultFlows = Map.copyOf(defaultFlows);
    this.ioMappings = Map.copyOf(ioMappings);
    this.loops = Map.copyOf(loops);
    this.id = header.id();
    this.name = header.name();
    this.executable = header.executable();
    this.versionTag = header.versionTag();
    this.historyTimeToLiveDays = header.historyTimeToLiveDays();
    this.line = header.line();
    this.sensitiveVariables = header.sensitiveVariables();
    Map<String, FlowNode> byId = new LinkedHashMap<>();
    Map<String, List<FlowNode>> scopes = new LinkedHashMap<>();
    Map<String, List<BoundaryEvent>> boundaries = new LinkedHashMap<>();
    for (FlowNode node : nodeList) {
      byId.put(node.id(), node);
      scopes.computeIfAbsent(node.scopeId(), k -> new ArrayList<>()).add(node);
      if (node instanceof BoundaryEvent b) {
        boundaries.computeIfAbsent(b.attachedToId(), k -> new ArrayList<>()).add(b);
      }
    }
    Map<String, SequenceFlow> flowsById = new LinkedHashMap<>();
    Map<String, List<SequenceFlow>> out = new LinkedHashMap<>();
    Map<String, List<SequenceFlow>> in = new LinkedHashMap<>();
    for (SequenceFlow flow : flowList) {
      flowsById.put(flow.id(), flow);
      out.computeIfAbsent(flow.sourceId(), k -> new ArrayList<>()).add(flow);
      in.computeIfAbsent(flow.targetId(), k -> new ArrayList<>()).add(flow);
    }
    this.nodes = Collections.unmodifiableMap(byId);
    this.flows = Collections.unmodifiableMap(flowsById);
    this.outgoing = freeze(out);
    this.incoming = freeze(in);
    this.boundaryEvents = freeze(boundaries);
    this.children = freeze(scopes);
    this.conditionalEvents =
        nodeList.stream()
            .anyMatch(
                n ->
                    (n instanceof IntermediateCatchEvent c
                            && c.definition() instanceof EventDefinition.Conditional)
                        || (n instanceof BoundaryEvent b
                            && b.definition() instanceof EventDefinition.Conditional)
                        || (n instanceof StartEvent s
                            && s.definition() instanceof EventDefinition.Conditional));
  }

  private static <T> Map<String, List<T>> freeze(Map<String, List<T>> map) {
    Map<String, List<T>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  public String id() {
    return id;
  }

  public @Nullable String name() {
    return name;
  }

  public boolean executable() {
    return executable;
  }

  public @Nullable String versionTag() {
    return versionTag;
  }

  public @Nullable Integer historyTimeToLiveDays() {
    return historyTimeToLiveDays;
  }

  public int line() {
    return line;
  }

  /** The variable names this process marks sensitive (D1): stored encrypted, shown masked. */
  public java.util.Set<String> sensitiveVariables() {
    return sensitiveVariables;
  }

  /** Every node, including those inside sub-processes, by ID in document order. */
  public Map<String, FlowNode> nodes() {
    return nodes;
  }

  /** Every sequence flow by ID in document order. */
  public Map<String, SequenceFlow> flows() {
    return flows;
  }

  /** The node with this ID; {@link NoSuchElementException} if there is none. */
  public FlowNode node(@Nullable String nodeId) {
    FlowNode node = nodes.get(nodeId);
    if (node == null) {
      throw new NoSuchElementException("process " + id + " has no node " + nodeId);
    }
    return node;
  }

  /** The flow with this ID; {@link NoSuchElementException} if there is none. */
  public SequenceFlow flow(String flowId) {
    SequenceFlow flow = flows.get(flowId);
    if (flow == null) {
      throw new NoSuchElementException("process " + id + " has no sequence flow " + flowId);
    }
    return flow;
  }

  /** Flows leaving the node, in document order (the order exclusive gateways test them). */
  public List<SequenceFlow> outgoing(String nodeId) {
    return outgoing.getOrDefault(nodeId, List.of());
  }

  /** Flows arriving at the node (a parallel join waits for one token per flow). */
  public List<SequenceFlow> incoming(String nodeId) {
    return incoming.getOrDefault(nodeId, List.of());
  }

  /** The {@code default} flow of an activity or event, or null (gateways hold their own). */
  public @Nullable String defaultFlow(String nodeId) {
    return defaultFlows.get(nodeId);
  }

  /** Whether any event of the process waits for a condition (variable changes are checked). */
  public boolean hasConditionalEvents() {
    return conditionalEvents;
  }

  /** The node's {@code camunda:inputOutput}, or null when it has none. */
  /** The execution listeners of the process, its nodes and its flows. */
  public ExecutionListeners listeners() {
    return listeners;
  }

  public @Nullable IoMapping ioMapping(String nodeId) {
    return ioMappings.get(nodeId);
  }

  /** The activity's multi-instance characteristics, or null when it runs once. */
  public @Nullable MultiInstance multiInstance(String nodeId) {
    return loops.get(nodeId);
  }

  /** Compensation handlers of the process's compensable activities. */
  /** The priorities of the jobs of this process's nodes. */
  public JobPriorities jobPriorities() {
    return jobPriorities;
  }

  /** The {@code camunda:failedJobRetryTimeCycle} of the nodes that have one. */
  public JobRetryCycle.ByNode retryCycles() {
    return retryCycles;
  }

  public CompensationLinks compensation() {
    return compensation;
  }

  /** Boundary events attached to the activity. */
  public List<BoundaryEvent> boundaryEvents(String activityId) {
    return boundaryEvents.getOrDefault(activityId, List.of());
  }

  /** Nodes directly inside a scope: the process ID or an embedded sub-process ID. */
  public List<FlowNode> children(String scopeId) {
    return children.getOrDefault(scopeId, List.of());
  }

  /** The start events of the event sub-processes directly inside a scope, in document order. */
  public List<StartEvent> eventSubProcessStarts(String scopeId) {
    List<StartEvent> starts = new ArrayList<>();
    for (FlowNode node : children(scopeId)) {
      if (node instanceof SubProcess sub && sub.triggeredByEvent()) {
        starts.addAll(startEvents(sub.id()));
      }
    }
    return starts;
  }

  /** Start events directly inside a scope. */
  public List<StartEvent> startEvents(String scopeId) {
    return children(scopeId).stream()
        .filter(StartEvent.class::isInstance)
        .map(StartEvent.class::cast)
        .toList();
  }

  /** The none start event of a scope, or null (a process may start only by message or timer). */
  public @Nullable StartEvent noneStartEvent(String scopeId) {
    return startEvents(scopeId).stream()
        .filter(s -> s.definition() instanceof EventDefinition.None)
        .findFirst()
        .orElse(null);
  }

  @Override
  public String toString() {
    return "ProcessModel[" + id + ", " + nodes.size() + " nodes]";
  }
}

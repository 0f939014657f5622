package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.ExecutionListeners;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IoMapping;
import io.bulwark.engine.bpmn.model.JobRetryCycle;
import io.bulwark.engine.bpmn.model.MultiInstance;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the flow elements of a process or embedded sub-process, recursing into sub-processes. Only
 * presentation content is skipped: documentation, extension elements (checked by the owner), lanes,
 * text annotations, associations, groups and data store references (documentation in Camunda 7).
 */
final class ScopeReader {

  /** Non-executable content that may sit in a scope and is skipped. */
  static final Set<String> PRESENTATION =
      Set.of(
          "documentation",
          "extensionElements",
          "laneSet",
          "textAnnotation",
          "association",
          "group",
          "dataStoreReference",
          // data objects: ignored by Camunda 7, which never made variables of them
          "dataObject",
          "dataObjectReference",
          "incoming",
          "outgoing");

  private final ReadContext context;
  private final List<FlowNode> nodes = new ArrayList<>();
  private final List<SequenceFlow> flows = new ArrayList<>();
  private final java.util.Map<String, String> defaultFlows = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, IoMapping> ioMappings = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, MultiInstance> loops = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, Long> jobPriorities = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, JobRetryCycle> retryCycles = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, List<ExecutionListeners.Listener>> listeners =
      new java.util.LinkedHashMap<>();
  private final java.util.Map<String, String> associations = new java.util.LinkedHashMap<>();
  private final java.util.Set<String> forCompensation = new java.util.LinkedHashSet<>();

  /** Gateways keep their default flow in their own record. */
  private static final Set<String> GATEWAYS =
      Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway");

  ScopeReader(ReadContext context) {
    this.context = context;
  }

  void readScope(XmlElement scope, String scopeId) {
    for (XmlElement child : scope.children()) {
      if (child.namespace().equals(Namespaces.BPMN) && child.localName().equals("association")) {
        readAssociation(child);
      }
      if (!child.namespace().equals(Namespaces.BPMN) || PRESENTATION.contains(child.localName())) {
        continue;
      }
      if (child.localName().equals("multiInstanceLoopCharacteristics")) {
        continue; // read by the owner, below
      }
      if (child.localName().equals("sequenceFlow")) {
        SequenceFlow flow = SequenceFlowReader.read(child, scopeId, context);
        flows.add(flow);
        readListeners(child, flow.id(), ExecutionListenerReader.FLOW_EVENTS);
        continue;
      }
      ElementReader reader = ReaderRegistry.reader(child.localName());
      if (reader == null) {
        context.problem(
            child,
            child.displayName()
                + " '"
                + child.id()
                + "' (line "
                + child.line()
                + ") is not supported: "
                + ReaderRegistry.rejection(child.localName()));
        context.unread(child);
        continue;
      }
      FlowNode node = reader.read(child, scopeId, this, context);
      if (node != null) {
        nodes.add(node);
        readExtras(child, node);
        String defaultFlow = child.attribute("default");
        if (defaultFlow != null && !GATEWAYS.contains(child.localName())) {
          defaultFlows.put(node.id(), defaultFlow);
        }
      } else {
        context.unread(child);
      }
    }
  }

  /**
   * An association from a compensation boundary event to its handler is read (source to target);
   * the others are presentation. Which ones matter is decided by {@link CompensationLinker}.
   */
  private void readAssociation(XmlElement association) {
    String source = association.attribute("sourceRef");
    String target = association.attribute("targetRef");
    if (source != null && target != null && !associations.containsKey(source)) {
      associations.put(source, target);
    }
  }

  /**
   * Multi-instance (activities only), input/output mappings, {@code isForCompensation} (activities
   * only), {@code camunda:jobPriority} and {@code failedJobRetryTimeCycle}: one home for every
   * node.
   */
  private void readExtras(XmlElement element, FlowNode node) {
    if ("true".equals(element.attribute("isForCompensation"))) {
      if (node instanceof Activity) {
        forCompensation.add(node.id());
      } else {
        context.problem(
            element, "only activities can be compensation handlers (isForCompensation)");
      }
    }
    MultiInstance loop = null;
    if (node instanceof Activity) {
      loop = MultiInstanceReader.read(element, context);
    } else if (element.child(Namespaces.BPMN, "multiInstanceLoopCharacteristics") != null) {
      context.problem(
          element, "only activities can be multi-instance, not " + element.displayName());
    }
    if (loop != null) {
      loops.put(node.id(), loop);
    }
    IoMapping io =
        MailFields.withFields(
            element, IoMappingReader.read(element, loop != null, context), context);
    if (io != null) {
      ioMappings.put(node.id(), io);
    }
    Long priority = JobPriorityReader.read(element, context);
    if (priority != null) {
      jobPriorities.put(node.id(), priority);
    }
    JobRetryCycle retryCycle = JobRetryCycleReader.read(element, context);
    if (retryCycle != null) {
      retryCycles.put(node.id(), retryCycle);
    }
    readListeners(element, node.id(), ExecutionListenerReader.NODE_EVENTS);
  }

  private void readListeners(
      XmlElement element, String id, java.util.Set<ExecutionListeners.Event> events) {
    List<ExecutionListeners.Listener> read = ExecutionListenerReader.read(element, events, context);
    if (!read.isEmpty()) {
      listeners.put(id, read);
    }
  }

  /** {@code camunda:executionListener}s of nodes and flows, by element ID. */
  java.util.Map<String, List<ExecutionListeners.Listener>> listeners() {
    return java.util.Map.copyOf(listeners);
  }

  /** {@code camunda:failedJobRetryTimeCycle} by node ID. */
  java.util.Map<String, JobRetryCycle> retryCycles() {
    return java.util.Map.copyOf(retryCycles);
  }

  /** {@code camunda:jobPriority} by node ID. */
  java.util.Map<String, Long> jobPriorities() {
    return java.util.Map.copyOf(jobPriorities);
  }

  /** {@code camunda:inputOutput} mappings by node ID. */
  java.util.Map<String, IoMapping> ioMappings() {
    return java.util.Map.copyOf(ioMappings);
  }

  /** Multi-instance characteristics by activity ID. */
  java.util.Map<String, MultiInstance> loops() {
    return java.util.Map.copyOf(loops);
  }

  /** Associations by source ID (the first one of each source). */
  java.util.Map<String, String> associations() {
    return java.util.Map.copyOf(associations);
  }

  /** IDs of the activities marked {@code isForCompensation}. */
  java.util.Set<String> forCompensation() {
    return java.util.Set.copyOf(forCompensation);
  }

  List<FlowNode> nodes() {
    return List.copyOf(nodes);
  }

  /** {@code default} flows of activities and events, by node ID. */
  java.util.Map<String, String> defaultFlows() {
    return java.util.Map.copyOf(defaultFlows);
  }

  List<SequenceFlow> flows() {
    return List.copyOf(flows);
  }
}

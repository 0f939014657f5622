package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.EndEvent;
import io.bulwark.engine.bpmn.model.EventBasedGateway;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.ExclusiveGateway;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.InclusiveGateway;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.model.IntermediateThrowEvent;
import io.bulwark.engine.bpmn.model.ParallelGateway;
import io.bulwark.engine.bpmn.model.ProcessHeader;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.SubProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Structure checks of one process after reading: references resolve, flows stay in their scope,
 * nodes have the flows BPMN requires, gateways' defaults and conditions make sense, scopes have the
 * start events the runtime needs.
 */
final class StructureValidator {

  private final ProcessHeader header;
  private final ReadContext ctx;
  private final Map<String, FlowNode> nodes = new HashMap<>();
  private final Map<String, List<SequenceFlow>> outgoing = new HashMap<>();
  private final Map<String, List<SequenceFlow>> incoming = new HashMap<>();

  private StructureValidator(ProcessHeader header, ReadContext ctx) {
    this.header = header;
    this.ctx = ctx;
  }

  static void check(
      ProcessHeader header,
      List<FlowNode> nodeList,
      List<SequenceFlow> flows,
      Map<String, String> defaultFlows,
      ReadContext ctx) {
    StructureValidator v = new StructureValidator(header, ctx);
    v.index(nodeList, flows);
    defaultFlows.forEach(
        (nodeId, flowId) ->
            v.checkConditions(
                Objects.requireNonNull(v.nodes.get(nodeId), "a default flow's node is indexed"),
                flowId,
                v.outgoing.getOrDefault(nodeId, List.of())));
    for (SequenceFlow flow : flows) {
      v.checkFlow(flow);
    }
    for (FlowNode node : nodeList) {
      v.checkNode(node);
    }
    v.checkScope(header.id(), 0, true);
    MessageStartRules.check(header, nodeList, ctx);
    for (FlowNode node : nodeList) {
      if (node instanceof SubProcess sub && sub.triggeredByEvent()) {
        v.checkEventSubProcess(sub);
      } else if (node instanceof SubProcess sub) {
        v.checkScope(sub.id(), sub.line(), false);
      }
    }
  }

  private void problem(String id, int line, String message) {
    ctx.report(new Problem(id, line, message));
  }

  private void index(List<FlowNode> nodeList, List<SequenceFlow> flows) {
    Set<String> seen = new HashSet<>();
    for (FlowNode node : nodeList) {
      if (!node.id().isEmpty() && !seen.add(node.id())) {
        problem(node.id(), node.line(), "duplicate id '" + node.id() + "'");
      }
      nodes.put(node.id(), node);
    }
    for (SequenceFlow flow : flows) {
      if (!seen.add(flow.id())) {
        problem(flow.id(), flow.line(), "duplicate id '" + flow.id() + "'");
      }
      outgoing.computeIfAbsent(flow.sourceId(), k -> new ArrayList<>()).add(flow);
      incoming.computeIfAbsent(flow.targetId(), k -> new ArrayList<>()).add(flow);
    }
  }

  private void checkFlow(SequenceFlow flow) {
    for (String ref : new String[] {flow.sourceId(), flow.targetId()}) {
      FlowNode node = ref == null ? null : nodes.get(ref);
      if (node == null && ctx.isUnread(ref)) {
        continue; // the element itself was reported; no follow-on problem
      }
      if (node == null) {
        problem(
            flow.id(),
            flow.line(),
            "sequence flow refers to '" + ref + "', which is not a supported flow node here");
      } else if (!node.scopeId().equals(flow.scopeId())) {
        problem(flow.id(), flow.line(), "sequence flow crosses the boundary of a sub-process");
      }
    }
    // Conditions on flows out of activities and events are evaluated when the node is left, as in
    // Camunda; parallel gateways refuse them (checkNode), event-based gateways are not supported.
  }

  private void checkNode(FlowNode node) {
    List<SequenceFlow> out = outgoing.getOrDefault(node.id(), List.of());
    List<SequenceFlow> in = incoming.getOrDefault(node.id(), List.of());
    String kind = node.type().xmlName();
    if (node instanceof StartEvent start
        && start.form().checksSubmissions()
        && (!start.scopeId().equals(header.id())
            || !(start.definition() instanceof EventDefinition.None))) {
      problem(
          node.id(),
          node.line(),
          "a start form (camunda:formData or a Camunda Form) belongs on the process's none start"
              + " event only");
    }
    if (node instanceof EndEvent) {
      if (!out.isEmpty()) {
        problem(node.id(), node.line(), "end event must not have outgoing sequence flows");
      }
      return;
    }
    boolean gateway =
        node instanceof ExclusiveGateway
            || node instanceof InclusiveGateway
            || node instanceof EventBasedGateway;
    if (out.isEmpty() && gateway) {
      // Activities, events and parallel gateways (a join that ends) without outgoing flow end their
      // token (implicit end, as Camunda).
      problem(node.id(), node.line(), kind + " '" + node.id() + "' has no outgoing sequence flow");
    }
    if ((node instanceof StartEvent || node instanceof BoundaryEvent) && !in.isEmpty()) {
      problem(node.id(), node.line(), kind + " must not have incoming sequence flows");
    }
    if (node instanceof BoundaryEvent boundary) {
      checkBoundary(boundary);
    } else if (node instanceof ExclusiveGateway g) {
      checkConditions(node, g.defaultFlowId(), out);
    } else if (node instanceof InclusiveGateway g) {
      checkConditions(node, g.defaultFlowId(), out);
    } else if (node instanceof EventBasedGateway) {
      checkEventGatewayTargets(node, out);
    } else if (node instanceof IntermediateThrowEvent t
        && t.definition() instanceof EventDefinition.Link link) {
      checkLinkTarget(t, link, out);
    } else if (node instanceof IntermediateCatchEvent c
        && c.definition() instanceof EventDefinition.Link
        && !in.isEmpty()) {
      problem(node.id(), node.line(), "a link catch event must not have incoming sequence flows");
    } else if (node instanceof ParallelGateway) {
      for (SequenceFlow flow : out) {
        if (flow.condition() != null) {
          problem(
              flow.id(), flow.line(), "flows leaving a parallel gateway cannot have conditions");
        }
      }
    }
  }

  private void checkBoundary(BoundaryEvent boundary) {
    FlowNode target = boundary.attachedToId() == null ? null : nodes.get(boundary.attachedToId());
    if (target == null && ctx.isUnread(boundary.attachedToId())) {
      return;
    }
    if (target == null) {
      problem(
          boundary.id(),
          boundary.line(),
          "boundary event is attached to '" + boundary.attachedToId() + "', which does not exist");
    } else if (!(target instanceof Activity)) {
      problem(boundary.id(), boundary.line(), "boundary events attach only to activities");
    } else if (!target.scopeId().equals(boundary.scopeId())) {
      problem(
          boundary.id(), boundary.line(), "boundary event must be in the scope of its activity");
    } else if (boundary.definition() instanceof EventDefinition.Escalation escalation) {
      checkEscalationBoundary(boundary, escalation, target);
    }
  }

  /**
   * As Camunda: escalation boundary events attach to sub-processes and call activities only; on one
   * activity the codes are distinct, and a catch-all (no code) stands alone.
   */
  private void checkEscalationBoundary(
      BoundaryEvent boundary, EventDefinition.Escalation escalation, FlowNode target) {
    if (!(target instanceof SubProcess) && !(target instanceof CallActivity)) {
      problem(
          boundary.id(),
          boundary.line(),
          "an escalation boundary event attaches only to a sub-process or call activity");
      return;
    }
    for (FlowNode other : nodes.values()) {
      if (other != boundary
          && other instanceof BoundaryEvent sibling
          && target.id().equals(sibling.attachedToId())
          && sibling.definition() instanceof EventDefinition.Escalation e
          && (escalation.escalationCode() == null
              || e.escalationCode() == null
              || escalation.escalationCode().equals(e.escalationCode()))) {
        problem(
            boundary.id(),
            boundary.line(),
            "escalation boundary events on '"
                + target.id()
                + "' must have distinct escalation codes, and one without code must be the only"
                + " one");
        return;
      }
    }
  }

  private void checkConditions(
      FlowNode gateway, @Nullable String defaultId, List<SequenceFlow> out) {
    if (defaultId != null) {
      SequenceFlow def =
          out.stream().filter(f -> f.id().equals(defaultId)).findFirst().orElse(null);
      if (def == null) {
        problem(
            gateway.id(),
            gateway.line(),
            "default flow '" + defaultId + "' is not an outgoing flow of this element");
      } else if (def.condition() != null) {
        problem(def.id(), def.line(), "a default flow must not have a condition");
      }
    }
    // A flow without condition that is not the default counts as true, as in Camunda: the
    // exclusive gateway takes it when reached in document order, the inclusive gateway always.
  }

  /**
   * Every flow out of an event-based gateway leads, without condition, to a message, timer or
   * signal catch event that no other flow enters.
   */
  private void checkEventGatewayTargets(FlowNode gateway, List<SequenceFlow> out) {
    for (SequenceFlow flow : out) {
      FlowNode target = nodes.get(flow.targetId());
      if (flow.condition() != null) {
        problem(flow.id(), flow.line(), "flows leaving an event-based gateway have no condition");
      }
      boolean catching =
          target instanceof IntermediateCatchEvent c
              && (c.definition() instanceof EventDefinition.Message
                  || c.definition() instanceof EventDefinition.Timer
                  || c.definition() instanceof EventDefinition.Signal
                  || c.definition() instanceof EventDefinition.Conditional);
      if (target != null && !catching) {
        problem(
            gateway.id(),
            gateway.line(),
            "event-based gateway "
                + gateway.id()
                + " may lead only to message, timer, signal or conditional catch events, not to "
                + target.id());
      } else if (target != null && incoming.getOrDefault(target.id(), List.of()).size() != 1) {
        problem(
            target.id(),
            target.line(),
            "an event after an event-based gateway must have no other incoming flow");
      }
    }
  }

  /** A link throw event has one link catch event of its name in its scope, and no flow out. */
  private void checkLinkTarget(
      FlowNode thrower, EventDefinition.Link link, List<SequenceFlow> out) {
    if (!out.isEmpty()) {
      problem(thrower.id(), thrower.line(), "a link throw event must not have outgoing flows");
    }
    long targets =
        nodes.values().stream()
            .filter(
                n ->
                    n.scopeId().equals(thrower.scopeId())
                        && n instanceof IntermediateCatchEvent c
                        && c.definition() instanceof EventDefinition.Link l
                        && l.name().equals(link.name()))
            .count();
    if (targets != 1) {
      problem(
          thrower.id(),
          thrower.line(),
          "link '"
              + link.name()
              + "' needs exactly one link catch event of that name in the same scope, found "
              + targets);
    }
  }

  /**
   * An event sub-process has no sequence flows in or out and one start event with a message, timer,
   * error, escalation or signal definition; error start events always interrupt.
   */
  private void checkEventSubProcess(SubProcess sub) {
    if (!incoming.getOrDefault(sub.id(), List.of()).isEmpty()
        || !outgoing.getOrDefault(sub.id(), List.of()).isEmpty()) {
      problem(sub.id(), sub.line(), "an event sub-process must not have sequence flows in or out");
    }
    List<StartEvent> starts =
        nodes.values().stream()
            .filter(n -> n.scopeId().equals(sub.id()) && n instanceof StartEvent)
            .map(StartEvent.class::cast)
            .toList();
    if (starts.size() != 1) {
      problem(sub.id(), sub.line(), "an event sub-process needs exactly one start event");
      return;
    }
    StartEvent start = starts.get(0);
    EventDefinition definition = start.definition();
    if (definition instanceof EventDefinition.None && !ctx.isUnread(start.id())) {
      problem(start.id(), start.line(), "the start event of an event sub-process needs a trigger");
    }
    if (definition instanceof EventDefinition.ErrorEvent && !start.interrupting()) {
      problem(start.id(), start.line(), "an error start event is always interrupting");
    }
  }

  private void checkScope(String scopeId, int line, boolean processLevel) {
    List<StartEvent> starts =
        nodes.values().stream()
            .filter(n -> n.scopeId().equals(scopeId) && n instanceof StartEvent)
            .map(StartEvent.class::cast)
            .toList();
    long none = starts.stream().filter(s -> s.definition() instanceof EventDefinition.None).count();
    if (starts.isEmpty()) {
      problem(scopeId, processLevel ? header.line() : line, "no start event in " + scopeId);
    }
    if (none > 1) {
      problem(scopeId, line, "more than one none start event in " + scopeId);
    }
    if (!processLevel && starts.size() != none) {
      problem(scopeId, line, "an embedded sub-process starts only with a none start event");
    }
    for (StartEvent start : starts) {
      EventDefinition definition = start.definition();
      if (processLevel
          && (definition instanceof EventDefinition.ErrorEvent
              || definition instanceof EventDefinition.Escalation)) {
        problem(
            start.id(),
            start.line(),
            "error and escalation start events belong in event sub-processes, not at process"
                + " level");
      }
      if (!start.interrupting()) {
        problem(
            start.id(),
            start.line(),
            "only event sub-process start events may be non-interrupting");
      }
    }
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.CompensationLinks;
import io.bulwark.engine.bpmn.model.EndEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateThrowEvent;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.SubProcess;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The structure rules of compensation and transactions, as Camunda's parser has them, and the
 * {@link CompensationLinks} of a process: a compensation boundary event's association, if any,
 * leads to an {@code isForCompensation} activity of its scope, which has no sequence flows; one
 * compensation boundary event per activity; a thrown {@code activityRef} names an activity of the
 * thrower's scope (of the enclosing scope inside an event sub-process); a compensation event
 * sub-process sits in an embedded sub-process without compensation boundary event, one per
 * sub-process; cancel end events sit in a transaction, which has one cancel boundary event.
 */
final class CompensationLinker {

  private final Map<String, FlowNode> nodes = new HashMap<>();
  private final Set<String> flowEnds = new HashSet<>();
  private final ReadContext ctx;

  private CompensationLinker(List<FlowNode> nodeList, List<SequenceFlow> flows, ReadContext ctx) {
    this.ctx = ctx;
    nodeList.forEach(n -> nodes.put(n.id(), n));
    for (SequenceFlow flow : flows) {
      flowEnds.add(flow.sourceId());
      flowEnds.add(flow.targetId());
    }
  }

  static CompensationLinks link(
      List<FlowNode> nodeList,
      List<SequenceFlow> flows,
      Map<String, String> associations,
      Set<String> forCompensation,
      ReadContext ctx) {
    CompensationLinker linker = new CompensationLinker(nodeList, flows, ctx);
    Map<String, String> handlers = new HashMap<>();
    Map<String, String> starts = new HashMap<>();
    for (FlowNode node : nodeList) {
      if (node instanceof BoundaryEvent b && b.definition() instanceof EventDefinition.Compensate) {
        linker.boundary(b, associations.get(b.id()), forCompensation, handlers);
      } else if (node instanceof BoundaryEvent b
          && b.definition() instanceof EventDefinition.Cancel) {
        linker.cancelBoundary(b);
      } else if (node instanceof StartEvent s
          && s.definition() instanceof EventDefinition.Compensate) {
        String owner = linker.compensationStart(s);
        if (owner != null) {
          starts.put(owner, s.id());
        }
      } else if (node instanceof EndEvent e && e.definition() instanceof EventDefinition.Cancel) {
        linker.cancelEnd(e);
      }
      EventDefinition thrown = thrown(node);
      if (thrown instanceof EventDefinition.Compensate c && c.activityRef() != null) {
        linker.activityRef(node, c.activityRef());
      }
    }
    for (String handler : forCompensation) {
      FlowNode node = linker.nodes.get(handler);
      if (node != null && linker.flowEnds.contains(handler)) {
        linker.problem(
            node, "a compensation handler (isForCompensation) must have no sequence flows");
      }
    }
    return new CompensationLinks(handlers, forCompensation, starts);
  }

  private static EventDefinition thrown(FlowNode node) {
    if (node instanceof IntermediateThrowEvent t) {
      return t.definition();
    }
    return node instanceof EndEvent e ? e.definition() : EventDefinition.NONE;
  }

  private void problem(FlowNode node, String message) {
    ctx.report(new Problem(node.id(), node.line(), message));
  }

  private void boundary(
      BoundaryEvent boundary,
      @Nullable String handlerId,
      Set<String> forCompensation,
      Map<String, String> handlers) {
    if (handlerId == null) {
      return; // as Camunda: without a handler, compensating the activity does nothing
    }
    FlowNode handler = nodes.get(handlerId);
    String attached = boundary.attachedToId();
    if (handler == null || !forCompensation.contains(handlerId)) {
      problem(
          boundary,
          "the association of a compensation boundary event must lead to an activity marked"
              + " isForCompensation");
    } else if (!handler.scopeId().equals(boundary.scopeId())) {
      problem(boundary, "the compensation handler must be in the scope of the boundary event");
    } else if (attached != null && handlers.putIfAbsent(attached, handlerId) != null) {
      problem(boundary, "an activity may have only one compensation boundary event");
    }
  }

  private void cancelBoundary(BoundaryEvent boundary) {
    FlowNode attached = boundary.attachedToId() == null ? null : nodes.get(boundary.attachedToId());
    if (!(attached instanceof SubProcess sub) || !sub.transaction()) {
      problem(boundary, "a cancel boundary event attaches only to a transaction");
      return;
    }
    if (cancelBoundaries(attached.id()) > 1) {
      problem(boundary, "a transaction has at most one cancel boundary event");
    }
  }

  /** How many cancel boundary events are attached to the transaction {@code transactionId}. */
  private long cancelBoundaries(String transactionId) {
    return nodes.values().stream()
        .filter(
            n ->
                n instanceof BoundaryEvent b
                    && transactionId.equals(b.attachedToId())
                    && b.definition() instanceof EventDefinition.Cancel)
        .count();
  }

  private void cancelEnd(EndEvent end) {
    FlowNode scope = nodes.get(end.scopeId());
    if (!(scope instanceof SubProcess sub) || !sub.transaction()) {
      problem(end, "a cancel end event belongs in a transaction");
      return;
    }
    if (cancelBoundaries(sub.id()) == 0) {
      problem(end, "transaction " + sub.id() + " needs a cancel boundary event for this end event");
    }
  }

  /**
   * A compensation start event starts an event sub-process of an embedded sub-process; returns that
   * sub-process's ID, or null after a problem.
   */
  private @Nullable String compensationStart(StartEvent start) {
    FlowNode esp = nodes.get(start.scopeId());
    FlowNode owner = esp == null ? null : nodes.get(esp.scopeId());
    if (!(esp instanceof SubProcess e) || !e.triggeredByEvent() || !(owner instanceof SubProcess)) {
      problem(
          start,
          "a compensation start event belongs in an event sub-process inside an embedded"
              + " sub-process");
      return null;
    }
    for (FlowNode node : nodes.values()) {
      if (node != start
          && node instanceof StartEvent other
          && other.definition() instanceof EventDefinition.Compensate
          && nodes.get(other.scopeId()) != null
          && owner.id().equals(nodes.get(other.scopeId()).scopeId())) {
        problem(start, "a sub-process has at most one compensation event sub-process");
        return null;
      }
      if (node instanceof BoundaryEvent b
          && owner.id().equals(b.attachedToId())
          && b.definition() instanceof EventDefinition.Compensate) {
        problem(
            start,
            "sub-process "
                + owner.id()
                + " has a compensation boundary event and a compensation event sub-process");
        return null;
      }
    }
    return owner.id();
  }

  /** The scope a thrower compensates in: its own, or the one enclosing its event sub-process. */
  static String compensationScope(Map<String, FlowNode> nodes, FlowNode thrower) {
    FlowNode scope = nodes.get(thrower.scopeId());
    return scope instanceof SubProcess s && s.triggeredByEvent() ? s.scopeId() : thrower.scopeId();
  }

  private void activityRef(FlowNode thrower, String activityRef) {
    FlowNode target = nodes.get(activityRef);
    if (!(target instanceof Activity)) {
      problem(thrower, "activityRef '" + activityRef + "' does not name an activity");
    } else if (!target.scopeId().equals(compensationScope(nodes, thrower))) {
      problem(
          thrower,
          "activityRef '"
              + activityRef
              + "' must name an activity in the scope of the compensation event");
    }
  }
}

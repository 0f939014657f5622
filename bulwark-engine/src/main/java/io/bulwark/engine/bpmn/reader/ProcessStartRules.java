package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.SubProcess;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.expression.VariableLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rules for start events that {@link StructureValidator} leaves out, as Camunda's parser has them:
 * a process's signal start event name expression must give a name without variables (Camunda
 * evaluates it at deployment, {@code alert-${'foo'}}); two conditional start events of a process
 * must not have the same condition; in one scope, no two signal start events (of the process or of
 * its event sub-processes) may have the same signal name; and the escalation event sub-processes of
 * a scope need distinct escalation codes, at most one without code, and not both kinds.
 */
final class ProcessStartRules {

  private ProcessStartRules() {}

  static void check(String processId, List<FlowNode> nodes, ReadContext ctx) {
    Map<String, FlowNode> byId = new HashMap<>();
    nodes.forEach(n -> byId.putIfAbsent(n.id(), n));
    Map<String, StartEvent> conditions = new HashMap<>();
    Map<String, StartEvent> signals = new HashMap<>();
    Map<String, List<StartEvent>> escalations = new LinkedHashMap<>();
    for (FlowNode node : nodes) {
      if (!(node instanceof StartEvent start)) {
        continue;
      }
      String scope = triggeredScope(processId, start, byId);
      if (scope == null) {
        continue;
      }
      if (start.definition() instanceof EventDefinition.Signal signal) {
        if (start.scopeId().equals(processId) && signal.nameExpression() != null) {
          checkSignalName(start, signal.nameExpression(), ctx);
        }
        once(
            signals,
            scope + "\n" + signal.signalName(),
            start,
            ctx,
            "more than one signal start event with the signal name '"
                + signal.signalName()
                + "' in scope '"
                + scope
                + "'");
      } else if (start.definition() instanceof EventDefinition.Conditional conditional
          && start.scopeId().equals(processId)) {
        once(
            conditions,
            conditional.condition().source(),
            start,
            ctx,
            "more than one conditional start event with the same condition '"
                + conditional.condition().source()
                + "'");
      } else if (start.definition() instanceof EventDefinition.Escalation
          && !start.scopeId().equals(processId)) {
        escalations.computeIfAbsent(scope, k -> new ArrayList<>()).add(start);
      }
    }
    escalations.forEach((scope, starts) -> checkEscalations(scope, starts, ctx));
  }

  /**
   * The scope whose start events {@code start} belongs to: the process for its own start events,
   * the scope around the event sub-process for an event sub-process's start; null otherwise.
   */
  private static @Nullable String triggeredScope(
      String processId, StartEvent start, Map<String, FlowNode> byId) {
    if (start.scopeId().equals(processId)) {
      return processId;
    }
    return byId.get(start.scopeId()) instanceof SubProcess sub && sub.triggeredByEvent()
        ? sub.scopeId()
        : null;
  }

  private static void once(
      Map<String, StartEvent> seen, String key, StartEvent start, ReadContext ctx, String message) {
    if (seen.putIfAbsent(key, start) != null) {
      ctx.report(new Problem(start.id(), start.line(), message));
    }
  }

  /** Camunda: distinct codes, at most one escalation event sub-process without code, not both. */
  private static void checkEscalations(String scope, List<StartEvent> starts, ReadContext ctx) {
    Set<String> codes = new HashSet<>();
    int withoutCode = 0;
    for (StartEvent start : starts) {
      String code = ((EventDefinition.Escalation) start.definition()).escalationCode();
      if (code == null) {
        withoutCode++;
      }
      String problem =
          code != null && !codes.add(code)
              ? "more than one escalation event sub-process with the escalation code '" + code + "'"
              : code == null && withoutCode > 1
                  ? "more than one escalation event sub-process without escalation code"
                  : (withoutCode > 0 && !codes.isEmpty())
                      ? "an escalation event sub-process without escalation code beside one with"
                          + " a code"
                      : null;
      if (problem != null) {
        ctx.report(new Problem(start.id(), start.line(), problem + " in scope '" + scope + "'"));
        return;
      }
    }
  }

  private static void checkSignalName(StartEvent start, Expression name, ReadContext ctx) {
    try {
      Object value = name.evaluate(VariableLookup.empty());
      if (value == null || value.toString().isBlank()) {
        ctx.report(
            new Problem(
                start.id(),
                start.line(),
                "the signal name " + name.source() + " of a process start event is empty"));
      }
    } catch (ExpressionException e) {
      ctx.report(
          new Problem(
              start.id(),
              start.line(),
              "the signal name "
                  + name.source()
                  + " of a process start event is evaluated at deployment, without variables: "
                  + e.getMessage()));
    }
  }
}

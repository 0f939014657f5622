package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.expression.VariableLookup;
import java.util.List;

/**
 * Rules for the start events of a process itself (not of its sub-processes) that {@link
 * StructureValidator} leaves out: a signal start event's name expression must give a name without
 * variables, since Camunda evaluates it at deployment ({@code alert-${'foo'}}).
 */
final class ProcessStartRules {

  private ProcessStartRules() {}

  static void check(String processId, List<FlowNode> nodes, ReadContext ctx) {
    for (FlowNode node : nodes) {
      if (node instanceof StartEvent start
          && start.scopeId().equals(processId)
          && start.definition() instanceof EventDefinition.Signal signal
          && signal.nameExpression() != null) {
        checkSignalName(start, signal.nameExpression(), ctx);
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

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.expression.Expression;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * Starts the called process (latest version, the version deployed with the caller, or a fixed
 * version) with the {@code camunda:in} variables, in the same transaction, and waits; the called
 * instance's end copies the {@code camunda:out} variables back and leaves the call activity (see
 * {@link RuntimeSession#endInstance}). The business key is passed on.
 */
final class CallActivityBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    CallActivity call = (CallActivity) node;
    String key =
        call.calledExpression() == null
            ? Objects.requireNonNull(
                call.calledElement(), "the parser refuses a call activity without one")
            : evaluated(
                session, instance, execution, call, call.calledExpression(), "calledElement");
    String version =
        call.versionExpression() == null
            ? call.bindingValue()
            : evaluated(
                session,
                instance,
                execution,
                call,
                call.versionExpression(),
                "camunda:calledElementVersion");
    DeployedProcess called =
        session.runtime().resolveCalled(session.context(), call, key, version, instance.process());
    StartEvent start = called.model().noneStartEvent(called.key());
    if (start == null) {
      throw new ProcessExecutionException(
          "process " + called.key() + " called by " + node.id() + " has no none start event");
    }
    Map<String, Object> inputs =
        VariableMappings.inputs(call.inputs(), session, instance, execution);
    String businessKey = VariableMappings.businessKey(call, session, instance, execution);
    session.startInstance(called, start, businessKey, inputs, execution);
  }

  /** The text an expression of the call activity gives; anything else fails the call. */
  private static String evaluated(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      CallActivity call,
      Expression expression,
      String what)
      throws SQLException {
    Object value = session.evaluate(instance, execution, expression, call.id());
    String text = value == null ? "" : String.valueOf(value);
    if (text.isBlank() || !(value instanceof String || value instanceof Number)) {
      throw new ProcessExecutionException(
          what + " of call activity " + call.id() + " gave no process key or version: " + value);
    }
    return text;
  }
}

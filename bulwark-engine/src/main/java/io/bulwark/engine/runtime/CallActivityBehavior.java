package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.VariableMapping;
import io.bulwark.engine.expression.Expression;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
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
    Map<String, Object> inputs = map(call.inputs(), session, instance, execution);
    session.startInstance(called, start, instance.root().businessKey(), inputs, execution);
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

  /**
   * Applies {@code camunda:in} copies to the variables visible from {@code execution}; no mapping,
   * no read.
   */
  static Map<String, Object> map(
      List<VariableMapping> mappings,
      RuntimeSession session,
      InstanceState instance,
      Execution execution)
      throws SQLException {
    if (mappings.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> visible = session.variables(instance, execution);
    Map<String, Object> local = new LinkedHashMap<>(visible);
    local.keySet().retainAll(instance.localVariableNames(execution));
    return map(mappings, visible, local);
  }

  /**
   * Applies {@code camunda:out} copies of call activity {@code execution} to {@code called}, the
   * called instance's variables: those marked {@code local="true"} become local variables of the
   * call activity (read by its output parameters, gone when it is left), the others are set where
   * the name lives or on the process.
   */
  static void applyOutputs(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      List<VariableMapping> mappings,
      Map<String, Object> called)
      throws SQLException {
    Map<String, Object> outer = new LinkedHashMap<>();
    Map<String, Object> local = new LinkedHashMap<>();
    for (VariableMapping mapping : mappings) {
      if (mapping instanceof VariableMapping.All) {
        outer.putAll(called);
      } else if (mapping instanceof VariableMapping.AllLocal) {
        local.putAll(called);
      } else if (mapping instanceof VariableMapping.Copy copy
          && called.containsKey(copy.source())) {
        outer.put(copy.target(), called.get(copy.source()));
      } else if (mapping instanceof VariableMapping.LocalCopy copy
          && called.containsKey(copy.source())) {
        local.put(copy.target(), called.get(copy.source()));
      }
    }
    session.setVariables(instance, execution, outer);
    session.setLocalVariables(instance, execution, local);
  }

  /** Whether {@code call} sets local variables on its execution ({@code camunda:out local}). */
  static boolean hasLocalOutputs(CallActivity call) {
    return call.outputs().stream()
        .anyMatch(
            m -> m instanceof VariableMapping.AllLocal || m instanceof VariableMapping.LocalCopy);
  }

  /**
   * Applies {@code camunda:in} or {@code camunda:out} copies to {@code source}; {@code local} holds
   * the mapping activity's own variables.
   */
  static Map<String, Object> map(
      List<VariableMapping> mappings, Map<String, Object> source, Map<String, Object> local) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (VariableMapping mapping : mappings) {
      if (mapping instanceof VariableMapping.All) {
        result.putAll(source);
      } else if (mapping instanceof VariableMapping.AllLocal) {
        result.putAll(local);
      } else if (mapping instanceof VariableMapping.Copy copy
          && source.containsKey(copy.source())) {
        result.put(copy.target(), source.get(copy.source()));
      } else if (mapping instanceof VariableMapping.LocalCopy copy
          && local.containsKey(copy.source())) {
        result.put(copy.target(), local.get(copy.source()));
      }
    }
    return result;
  }
}

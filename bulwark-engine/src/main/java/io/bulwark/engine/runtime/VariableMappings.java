package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.VariableMapping;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.expression.VariableLookup;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code camunda:in} and {@code camunda:out} mappings of call activities and of signal throw
 * events (their payload): copies, {@code sourceExpression} values (safe expressions, E2), {@code
 * local="true"} variants, and a call activity's {@code businessKey}.
 */
final class VariableMappings {

  private VariableMappings() {}

  /**
   * The values of {@code camunda:in} mappings over the variables visible from {@code execution}
   * ({@code local="true"}: only its own); no mapping, no read.
   */
  static Map<String, Object> inputs(
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
    String where = String.valueOf(execution.activityId());
    Map<String, Object> result = new LinkedHashMap<>();
    for (VariableMapping mapping : mappings) {
      apply(mapping, visible, local, result, result, where);
    }
    return result;
  }

  /**
   * Applies {@code camunda:out} mappings of call activity {@code execution} to {@code called}, the
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
    String where = String.valueOf(execution.activityId());
    for (VariableMapping mapping : mappings) {
      apply(mapping, called, called, outer, local, where);
    }
    session.setVariables(instance, execution, outer);
    session.setLocalVariables(instance, execution, local);
  }

  /**
   * One mapping: reads from {@code source} ({@code local="true"} on an in mapping: from {@code
   * ownSource}) and writes to {@code target} ({@code local="true"} on an out mapping: to {@code
   * ownTarget}). For in mappings both targets are the same map.
   */
  private static void apply(
      VariableMapping mapping,
      Map<String, Object> source,
      Map<String, Object> ownSource,
      Map<String, Object> target,
      Map<String, Object> ownTarget,
      String where) {
    if (mapping instanceof VariableMapping.All) {
      target.putAll(source);
    } else if (mapping instanceof VariableMapping.AllLocal) {
      ownTarget.putAll(ownSource);
    } else if (mapping instanceof VariableMapping.Copy copy) {
      if (source.containsKey(copy.source())) {
        target.put(copy.target(), source.get(copy.source()));
      }
    } else if (mapping instanceof VariableMapping.LocalCopy copy) {
      if (ownSource.containsKey(copy.source())) {
        ownTarget.put(copy.target(), ownSource.get(copy.source()));
      }
    } else if (mapping instanceof VariableMapping.Computed computed) {
      Map<String, Object> from = computed.local() ? ownSource : source;
      Map<String, Object> to = computed.local() ? ownTarget : target;
      to.put(computed.target(), evaluate(computed.source(), from, where));
    }
    // a BusinessKey sets no variable: businessKey() reads it
  }

  /**
   * The business key of the instance that {@code call} starts: its {@code camunda:in businessKey}
   * expression's value, else the caller's business key.
   */
  static @Nullable String businessKey(
      CallActivity call, RuntimeSession session, InstanceState instance, Execution execution)
      throws SQLException {
    for (VariableMapping mapping : call.inputs()) {
      if (mapping instanceof VariableMapping.BusinessKey key && key.expression() != null) {
        Object value = session.evaluate(instance, execution, key.expression(), call.id());
        return value == null ? null : String.valueOf(value);
      }
    }
    return instance.root().businessKey();
  }

  /** Whether {@code call} sets local variables on its execution ({@code camunda:out local}). */
  static boolean hasLocalOutputs(CallActivity call) {
    return call.outputs().stream()
        .anyMatch(
            m ->
                m instanceof VariableMapping.AllLocal
                    || m instanceof VariableMapping.LocalCopy
                    || (m instanceof VariableMapping.Computed c && c.local()));
  }

  private static @Nullable Object evaluate(
      Expression expression, Map<String, Object> variables, String where) {
    try {
      return expression.evaluate(VariableLookup.of(variables));
    } catch (ExpressionException e) {
      throw new ProcessExecutionException(
          "sourceExpression " + expression.source() + " at " + where + " failed: " + e.getMessage(),
          e);
    }
  }
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IoMapping;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code camunda:inputOutput}: inputs when a node starts (each evaluated over what is visible
 * before any of them is set, then set as local variables of the node's execution), outputs when it
 * completes (evaluated over the node's variables and set from the enclosing scope outwards, where
 * the name lives or else on the process). The node's local variables go when it is left or
 * cancelled ({@link #release}).
 */
final class IoMappings {

  private IoMappings() {}

  static void inputs(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    IoMapping io = instance.model().ioMapping(node.id());
    if (io == null || io.inputs().isEmpty()) {
      return;
    }
    Map<String, Object> values = evaluate(session, instance, execution, node, io.inputs());
    session.setLocalVariables(instance, execution, values);
  }

  static void outputs(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    IoMapping io = instance.model().ioMapping(node.id());
    if (io == null || io.outputs().isEmpty()) {
      return;
    }
    Map<String, Object> values = evaluate(session, instance, execution, node, io.outputs());
    Execution outer = instance.execution(execution.parentId());
    session.setVariables(instance, outer == null ? instance.root() : outer, values);
  }

  /** Whether executions at {@code node} may hold local variables (mapping or multi-instance). */
  static boolean hasLocals(InstanceState instance, FlowNode node) {
    return instance.model().ioMapping(node.id()) != null
        || instance.model().multiInstance(node.id()) != null
        || (node instanceof CallActivity call && VariableMappings.hasLocalOutputs(call));
  }

  /** Deletes the local variables of an execution at {@code node}, if it can have any. */
  static void release(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    if (hasLocals(instance, node)) {
      session.removeLocalVariables(instance, execution);
    }
  }

  private static Map<String, Object> evaluate(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      FlowNode node,
      List<IoMapping.Parameter> parameters)
      throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (IoMapping.Parameter parameter : parameters) {
      values.put(parameter.name(), value(session, instance, execution, node, parameter.value()));
    }
    return values;
  }

  private static @Nullable Object value(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      FlowNode node,
      IoMapping.Value value)
      throws SQLException {
    if (value instanceof IoMapping.Single single) {
      return session.evaluate(instance, execution, single.expression(), node.id());
    }
    if (value instanceof IoMapping.ListValue list) {
      List<Object> items = new ArrayList<>();
      for (IoMapping.Value item : list.items()) {
        items.add(value(session, instance, execution, node, item));
      }
      return items;
    }
    if (value instanceof IoMapping.MapValue map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (IoMapping.Entry entry : map.entries()) {
        Object key = session.evaluate(instance, execution, entry.key(), node.id());
        entries.put(String.valueOf(key), value(session, instance, execution, node, entry.value()));
      }
      return entries;
    }
    return null;
  }
}

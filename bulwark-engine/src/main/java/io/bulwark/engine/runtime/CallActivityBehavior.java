package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.VariableMapping;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    DeployedProcess called =
        session.runtime().resolveCalled(session.context(), call, instance.process());
    StartEvent start = called.model().noneStartEvent(called.key());
    if (start == null) {
      throw new ProcessExecutionException(
          "process " + called.key() + " called by " + node.id() + " has no none start event");
    }
    Map<String, Object> inputs = map(call.inputs(), session.variables(instance, execution));
    session.startInstance(called, start, instance.root().businessKey(), inputs, execution);
  }

  /** Applies {@code camunda:in} or {@code camunda:out} copies to {@code source}. */
  static Map<String, Object> map(List<VariableMapping> mappings, Map<String, Object> source) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (VariableMapping mapping : mappings) {
      if (mapping instanceof VariableMapping.All) {
        result.putAll(source);
      } else if (mapping instanceof VariableMapping.Copy copy
          && source.containsKey(copy.source())) {
        result.put(copy.target(), source.get(copy.source()));
      }
    }
    return result;
  }
}

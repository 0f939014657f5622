package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.ExecutionListeners;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the execution listeners of a process, node or flow (issue 16, listeners without code): each
 * evaluates its value over what {@code execution} sees and sets its variable as {@code
 * execution.setVariable} does. Start listeners run after a node's input mappings and after an
 * {@code asyncBefore} continuation; end listeners after its output mappings and before an {@code
 * asyncAfter} continuation; take listeners before the flow's target is entered.
 */
final class ExecutionListenerRunner {

  private ExecutionListenerRunner() {}

  static void run(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      String elementId,
      ExecutionListeners.Event event)
      throws SQLException {
    for (ExecutionListeners.Listener listener : instance.model().listeners().of(elementId, event)) {
      Object value = session.evaluate(instance, execution, listener.value(), elementId);
      Map<String, Object> one = new HashMap<>();
      one.put(listener.variable(), value);
      session.setVariables(instance, execution, one);
    }
  }
}

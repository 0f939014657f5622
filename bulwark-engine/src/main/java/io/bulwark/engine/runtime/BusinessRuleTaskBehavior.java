package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.BusinessRuleTask;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.dmn.DecisionException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates the task's DMN decision with the variables visible to the execution, stores the mapped
 * result in the result variable and continues. A decision that cannot be found or evaluated fails
 * the command with the reason and writes nothing (Camunda's behaviour); under {@code asyncBefore}
 * the job retries and then leaves an incident.
 */
final class BusinessRuleTaskBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    BusinessRuleTask task = (BusinessRuleTask) node;
    Object result;
    try {
      result =
          session
              .runtime()
              .decisions()
              .evaluate(
                  session.context().connection(),
                  task,
                  instance.process().deploymentId(),
                  session.variables(instance, execution));
    } catch (DecisionException e) {
      throw new ProcessExecutionException(
          "business rule task " + task.id() + ": " + e.getMessage(), e);
    }
    if (task.resultVariable() != null) {
      Map<String, Object> changes = new HashMap<>();
      changes.put(task.resultVariable(), result);
      session.setVariables(instance, execution, changes);
    }
    session.leave(instance, execution);
  }
}

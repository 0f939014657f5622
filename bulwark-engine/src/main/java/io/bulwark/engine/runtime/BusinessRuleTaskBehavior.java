package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.BusinessRuleTask;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.dmn.DecisionException;
import io.bulwark.engine.dmn.DecisionOrigin;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the task's DMN decision with the variables visible to the execution, stores the mapped
 * result in the result variable and continues; the evaluation is recorded in the decision history
 * with the instance and activity. A decision that cannot be found or evaluated fails the command
 * with the reason and writes nothing (Camunda's behaviour); under {@code asyncBefore} the job
 * retries and then leaves an incident.
 */
final class BusinessRuleTaskBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    BusinessRuleTask task = (BusinessRuleTask) node;
    Map<String, Object> variables = session.variables(instance, execution);
    Object result;
    try {
      result =
          session
              .runtime()
              .decisions()
              .evaluate(
                  session.context(),
                  task,
                  instance.process().deploymentId(),
                  variables,
                  origin(session, instance, execution, task, variables.keySet()));
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

  /** The instance and activity the decision runs in, and its sensitive variables (D1). */
  private static DecisionOrigin origin(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      BusinessRuleTask task,
      Set<String> names) {
    Set<String> sensitive = new HashSet<>();
    for (String name : names) {
      if (session
          .runtime()
          .sensitiveFields()
          .isSensitive(name, instance.model().sensitiveVariables())) {
        sensitive.add(name);
      }
    }
    DeployedProcess process = instance.process();
    return new DecisionOrigin(
        process.definitionId(),
        process.key(),
        instance.id(),
        instance.root().startedBy(),
        task.id(),
        execution.activityInstanceId(),
        sensitive);
  }
}

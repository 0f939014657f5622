package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.EndEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import java.sql.SQLException;

/**
 * None: the token ends (its scope may complete). Terminate: every execution of the enclosing scope
 * ends at once; at process level the instance ends with state TERMINATED (a calling activity goes
 * on). Error: thrown to the nearest boundary error event by {@link ErrorPropagation}. Escalation:
 * thrown by {@link EscalationPropagation}, then the token ends (unless the catch cancelled it).
 * Compensation: the token ends once the handlers it started ended ({@link Compensation}). Cancel:
 * {@link TransactionCancel}.
 */
final class EndEventBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    EndEvent end = (EndEvent) node;
    session.history().activityEnded(execution.activityInstanceId());
    if (end.definition() instanceof EventDefinition.ErrorEvent error) {
      ErrorPropagation.fromEndEvent(session, instance, execution, error.errorCode());
    } else if (end.definition() instanceof EventDefinition.Escalation escalation) {
      EscalationPropagation.throwFrom(session, instance, execution, escalation.escalationCode());
      session.agenda().plan(new Operations.EndExecutionOperation(instance, execution));
    } else if (end.definition() instanceof EventDefinition.MessageTask message) {
      // ends its token when a worker completes the external task (LeaveNodeOperation)
      ExternalTaskWork.create(session, instance, execution, node, message.topic());
    } else if (end.definition() instanceof EventDefinition.Signal signal) {
      Signals.throwFrom(session, instance, execution, node, signal);
      session.agenda().plan(new Operations.EndExecutionOperation(instance, execution));
    } else if (end.definition() instanceof EventDefinition.Compensate compensate) {
      Execution scope = Compensation.compensatedScope(instance, execution);
      if (!Compensation.throwFrom(session, instance, execution, scope, compensate.activityRef())) {
        session.agenda().plan(new Operations.EndExecutionOperation(instance, execution));
      }
    } else if (end.definition() instanceof EventDefinition.Cancel) {
      TransactionCancel.cancel(session, instance, execution);
    } else if (end.definition() instanceof EventDefinition.Terminate) {
      Execution scope = instance.parentOf(execution);
      execution.remove();
      session.cancelBelow(instance, scope, "terminated at " + node.id());
      if (scope.isRoot()) {
        session.endInstance(instance, "TERMINATED", "terminate end event " + node.id());
      } else {
        scope.setScope(false);
        session.leave(instance, scope);
      }
    } else {
      session.agenda().plan(new Operations.EndExecutionOperation(instance, execution));
    }
  }
}

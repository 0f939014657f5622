package io.bulwark.engine.instance;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ReceiveTask;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.Execution;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Continues the execution that waits at a receive task without message (Camunda's {@code
 * RuntimeService.signal}). Only such receive tasks can be triggered: a user task, an external task
 * or a message wait has its own way to complete, which this must not bypass.
 */
public final class TriggerReceiveTaskCommand implements Command<Void> {

  private final ProcessRuntime runtime;
  private final String instanceId;
  private final String activityId;
  private final Map<String, Object> variables;

  public TriggerReceiveTaskCommand(
      ProcessRuntime runtime, String instanceId, String activityId, Map<String, Object> variables) {
    this.runtime = runtime;
    this.instanceId = instanceId;
    this.activityId = activityId;
    this.variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.UPDATE, instanceId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    RuntimeSession session = runtime.session(context);
    InstanceState instance = session.instance(instanceId);
    RuntimeSession.requireActive(instance);
    FlowNode node = instance.model().nodes().get(activityId);
    if (!(node instanceof ReceiveTask task) || task.message() != null) {
      throw ValidationException.of(
          "activityId",
          "receive-task-without-message",
          "'" + activityId + "' is not a receive task without message; only those are triggered");
    }
    List<Execution> waiting =
        instance.executions().stream()
            .filter(e -> activityId.equals(e.activityId()) && !e.isRemoved())
            .toList();
    if (waiting.isEmpty()) {
      throw new NotFoundException(
          "no execution of instance " + instanceId + " waits at " + activityId);
    }
    if (waiting.size() > 1) {
      throw ValidationException.of(
          "activityId",
          "one-execution",
          waiting.size() + " executions wait at " + activityId + "; trigger needs exactly one");
    }
    session.setVariables(instance, waiting.get(0), variables);
    session.leave(instance, waiting.get(0));
    session
        .history()
        .operation(
            "Trigger", HistoryRecorder.Entity.PROCESS_INSTANCE, instanceId, instanceId, activityId);
    session.run();
    return null;
  }
}

package io.bulwark.engine.externaltask;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.variable.TypedValue;
import java.sql.SQLException;
import java.util.Map;

/**
 * Completes an external task: only the worker holding an unexpired lock may; the task row is
 * removed and the execution core continues the process through the completion handler.
 */
public final class CompleteExternalTaskCommand implements Command<Void> {

  private final ExternalTaskCompletionHandler handler;
  private final String taskId;
  private final String workerId;
  private final Map<String, TypedValue> variables;
  private final Map<String, TypedValue> localVariables;

  public CompleteExternalTaskCommand(
      ExternalTaskCompletionHandler handler,
      String taskId,
      String workerId,
      Map<String, TypedValue> variables,
      Map<String, TypedValue> localVariables) {
    this.handler = handler;
    this.taskId = taskId;
    this.workerId = workerId;
    this.variables = variables == null ? Map.of() : Map.copyOf(variables);
    this.localVariables = localVariables == null ? Map.of() : Map.copyOf(localVariables);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.EXTERNAL_TASK, Permission.UPDATE, taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    ExternalTaskRow task = ExternalTaskRows.getLockedBy(context, taskId, workerId);
    context.unitOfWork().delete(ExternalTaskRows.WRITER, task.id(), task.rev());
    handler.complete(context, task, variables, localVariables);
    return null;
  }
}

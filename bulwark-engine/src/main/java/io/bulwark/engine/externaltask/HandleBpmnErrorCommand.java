package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.variable.TypedValue;
import java.sql.SQLException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reports a BPMN error for an external task: only the worker holding an unexpired lock may; the
 * task row is removed and the execution core throws the error through the completion handler.
 */
public final class HandleBpmnErrorCommand implements Command<Void> {

  private final ExternalTaskCompletionHandler handler;
  private final String taskId;
  private final String workerId;
  private final String errorCode;
  private final @Nullable String errorMessage;
  private final Map<String, TypedValue> variables;

  public HandleBpmnErrorCommand(
      ExternalTaskCompletionHandler handler,
      String taskId,
      String workerId,
      String errorCode,
      @Nullable String errorMessage,
      Map<String, TypedValue> variables) {
    this.handler = handler;
    this.taskId = taskId;
    this.workerId = workerId;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.EXTERNAL_TASK, Permission.UPDATE, taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (errorCode == null || errorCode.isBlank() || errorCode.length() > 255) {
      throw new ValidationException("error code must be 1..255 characters");
    }
    ExternalTaskRow task = ExternalTaskRows.getLockedBy(context, taskId, workerId);
    context.unitOfWork().delete(ExternalTaskRows.WRITER, task.id(), task.rev());
    handler.bpmnError(context, task, errorCode, errorMessage, variables);
    return null;
  }
}

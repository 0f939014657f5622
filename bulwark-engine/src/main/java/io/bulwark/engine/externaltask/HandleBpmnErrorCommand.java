package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.variable.SensitiveScreen;
import io.bulwark.engine.variable.TypedValue;
import java.sql.SQLException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reports a BPMN error for an external task: only the worker holding an unexpired lock may; the
 * task row is removed and the execution core throws the error through the completion handler. The
 * message (which an error boundary event may store in a variable) is screened for the instance's
 * sensitive values first (D1, D5).
 */
public final class HandleBpmnErrorCommand implements Command<Void> {

  private final ExternalTaskCompletionHandler handler;
  private final String taskId;
  private final String workerId;
  private final String errorCode;
  private final @Nullable String errorMessage;
  private final Map<String, TypedValue> variables;
  private final SensitiveScreen screen;

  public HandleBpmnErrorCommand(
      ExternalTaskCompletionHandler handler,
      SensitiveScreen screen,
      String taskId,
      String workerId,
      String errorCode,
      @Nullable String errorMessage,
      Map<String, TypedValue> variables) {
    this.handler = handler;
    this.screen = screen;
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
    String message =
        errorMessage == null
            ? null
            : screen.screen(context.connection(), task.processInstanceId(), errorMessage);
    handler.bpmnError(context, task, errorCode, message, variables);
    return null;
  }
}

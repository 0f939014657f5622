package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ExternalTaskFailure;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.Incidents;
import io.bulwark.engine.variable.SensitiveScreen;
import io.bulwark.engine.variable.TypedValue;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reports a failure of an external task (Camunda 7): only the worker holding an unexpired lock may.
 * Stores the message (one line, truncated) and the details (capped, W11), sets the retries and
 * keeps the task locked for {@code retryTimeoutMillis}, after which it can be fetched again. At 0
 * retries a {@code failedExternalTask} incident is created. Variables sent with the failure are set
 * through the execution core; the execution keeps waiting at the task. The message and the details
 * are screened for the instance's sensitive values before they are kept (D1, D5), as a job's are.
 */
public final class HandleFailureCommand implements Command<Void> {

  private static final int MESSAGE_LENGTH = 4000;

  private final ExternalTaskSettings settings;
  private final ExternalTaskCompletionHandler handler;
  private final String taskId;
  private final String workerId;
  private final @Nullable String errorMessage;
  private final @Nullable String errorDetails;
  private final int retries;
  private final long retryTimeoutMillis;
  private final Map<String, TypedValue> variables;
  private final Map<String, TypedValue> localVariables;
  private final SensitiveScreen screen;

  public HandleFailureCommand(
      ExternalTaskSettings settings,
      SensitiveScreen screen,
      ExternalTaskCompletionHandler handler,
      String taskId,
      String workerId,
      ExternalTaskFailure failure,
      Map<String, TypedValue> variables,
      Map<String, TypedValue> localVariables) {
    this.settings = settings;
    this.screen = screen;
    this.handler = handler;
    this.taskId = taskId;
    this.workerId = workerId;
    this.errorMessage = failure.errorMessage();
    this.errorDetails = failure.errorDetails();
    this.retries = failure.retries();
    this.retryTimeoutMillis = failure.retryTimeoutMillis();
    this.variables = variables;
    this.localVariables = localVariables;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.EXTERNAL_TASK, Permission.UPDATE, taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (retries < 0 || retryTimeoutMillis < 0) {
      throw new ValidationException("retries and retry timeout must not be negative");
    }
    if (errorDetails != null
        && errorDetails.getBytes(StandardCharsets.UTF_8).length > settings.maxErrorDetailsBytes()) {
      throw new ValidationException(
          "error details of "
              + errorDetails.getBytes(StandardCharsets.UTF_8).length
              + " bytes exceed the limit of "
              + settings.maxErrorDetailsBytes()
              + " (W11)");
    }
    ExternalTaskRow task = ExternalTaskRows.getLockedBy(context, taskId, workerId);
    String instance = task.processInstanceId();
    byte[] details =
        errorDetails == null
            ? null
            : screen
                .screen(context.connection(), instance, errorDetails)
                .getBytes(StandardCharsets.UTF_8);
    String message =
        oneLine(
            errorMessage == null
                ? null
                : screen.screen(context.connection(), instance, errorMessage));
    ExternalTaskRow failed =
        task.failed(retries, message, details, context.now().plusMillis(retryTimeoutMillis));
    context.unitOfWork().update(ExternalTaskRows.WRITER, failed, task.rev());
    if (!variables.isEmpty() || !localVariables.isEmpty()) {
      handler.failed(context, task, variables, localVariables);
    }
    if (retries == 0) {
      Incidents.createForExternalTask(
          context,
          task.id(),
          task.executionId(),
          task.processInstanceId(),
          task.activityId(),
          message);
    }
    return null;
  }

  private static @Nullable String oneLine(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String single = text.replaceAll("[\\r\\n\\t]+", " ");
    return single.length() <= MESSAGE_LENGTH ? single : single.substring(0, MESSAGE_LENGTH);
  }
}

package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ExternalTaskService;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.variable.TypedValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link ExternalTaskService} over the command executor; each call is one command (Z2). */
public final class EngineExternalTaskService implements ExternalTaskService {

  private final CommandExecutor commands;
  private final ExternalTaskCompletionHandler handler;
  private final ExternalTaskSettings settings;

  public EngineExternalTaskService(
      CommandExecutor commands,
      ExternalTaskCompletionHandler handler,
      ExternalTaskSettings settings) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public List<LockedExternalTask> fetchAndLock(Principal actor, FetchRequest request) {
    return commands.execute(actor(actor), new FetchAndLockCommand(request, settings));
  }

  @Override
  public void complete(
      Principal actor,
      String taskId,
      String workerId,
      Map<String, TypedValue> variables,
      Map<String, TypedValue> localVariables) {
    commands.execute(
        actor(actor),
        new CompleteExternalTaskCommand(handler, taskId, workerId, variables, localVariables));
  }

  @Override
  public void handleFailure(
      Principal actor,
      String taskId,
      String workerId,
      String errorMessage,
      String errorDetails,
      int retries,
      long retryTimeoutMillis) {
    commands.execute(
        actor(actor),
        new HandleFailureCommand(
            settings, taskId, workerId, errorMessage, errorDetails, retries, retryTimeoutMillis));
  }

  @Override
  public void handleBpmnError(
      Principal actor,
      String taskId,
      String workerId,
      String errorCode,
      String errorMessage,
      Map<String, TypedValue> variables) {
    commands.execute(
        actor(actor),
        new HandleBpmnErrorCommand(handler, taskId, workerId, errorCode, errorMessage, variables));
  }

  @Override
  public void extendLock(Principal actor, String taskId, String workerId, long newDurationMillis) {
    commands.execute(
        actor(actor), new ExtendLockCommand(settings, taskId, workerId, newDurationMillis));
  }

  @Override
  public void unlock(Principal actor, String taskId) {
    commands.execute(actor(actor), new UnlockExternalTaskCommand(taskId));
  }

  @Override
  public void setRetries(Principal actor, String taskId, int retries) {
    commands.execute(actor(actor), new SetExternalTaskRetriesCommand(taskId, retries));
  }

  private static Actor actor(Principal principal) {
    return new Actor(principal.userId(), principal.groups());
  }
}

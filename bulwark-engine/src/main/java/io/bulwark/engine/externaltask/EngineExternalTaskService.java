package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ExternalTaskFailure;
import io.bulwark.engine.api.ExternalTaskFilter;
import io.bulwark.engine.api.ExternalTaskService;
import io.bulwark.engine.api.ExternalTaskView;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.SensitiveScreen;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link ExternalTaskService} over the command executor; each call is one command (Z2). */
public final class EngineExternalTaskService implements ExternalTaskService {

  private final CommandExecutor commands;
  private final ExternalTaskCompletionHandler handler;
  private final ExternalTaskSettings settings;
  private final VariableValues values;
  private final ExternalTaskSignal signal;
  private final SensitiveFields sensitive;
  private final SensitiveScreen screen;

  public EngineExternalTaskService(
      CommandExecutor commands,
      ExternalTaskCompletionHandler handler,
      ExternalTaskSettings settings,
      VariableValues values) {
    this(commands, handler, settings, values, new ExternalTaskSignal());
  }

  /** The engine's service without field encryption (no key store). */
  public EngineExternalTaskService(
      CommandExecutor commands,
      ExternalTaskCompletionHandler handler,
      ExternalTaskSettings settings,
      VariableValues values,
      ExternalTaskSignal signal) {
    this(commands, handler, settings, values, signal, SensitiveFields.none());
  }

  /**
   * The engine's service: {@code signal} is the one the runtime fires for new tasks; {@code
   * sensitive} opens sensitive variables for the worker that locked the task (D1).
   */
  public EngineExternalTaskService(
      CommandExecutor commands,
      ExternalTaskCompletionHandler handler,
      ExternalTaskSettings settings,
      VariableValues values,
      ExternalTaskSignal signal,
      SensitiveFields sensitive) {
    this.sensitive = Objects.requireNonNull(sensitive, "sensitive");
    this.screen = new SensitiveScreen(sensitive);
    this.signal = Objects.requireNonNull(signal, "signal");
    this.values = Objects.requireNonNull(values, "values");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public List<LockedExternalTask> fetchAndLock(Principal actor, FetchRequest request) {
    return commands.execute(
        actor(actor), new FetchAndLockCommand(request, settings, values.json(), sensitive));
  }

  @Override
  public void complete(
      Principal actor,
      String taskId,
      String workerId,
      Map<String, Object> variables,
      Map<String, Object> localVariables) {
    commands.execute(
        actor(actor),
        new CompleteExternalTaskCommand(
            handler, taskId, workerId, typed(variables), typed(localVariables)));
  }

  @Override
  public void handleFailure(
      Principal actor, String taskId, String workerId, ExternalTaskFailure failure) {
    commands.execute(
        actor(actor),
        new HandleFailureCommand(
            settings,
            screen,
            handler,
            taskId,
            workerId,
            failure,
            typed(failure.variables()),
            typed(failure.localVariables())));
    signal.run();
  }

  @Override
  public void handleBpmnError(
      Principal actor,
      String taskId,
      String workerId,
      String errorCode,
      @Nullable String errorMessage,
      Map<String, Object> variables) {
    commands.execute(
        actor(actor),
        new HandleBpmnErrorCommand(
            handler, screen, taskId, workerId, errorCode, errorMessage, typed(variables)));
  }

  @Override
  public void extendLock(Principal actor, String taskId, String workerId, long newDurationMillis) {
    commands.execute(
        actor(actor), new ExtendLockCommand(settings, taskId, workerId, newDurationMillis));
  }

  @Override
  public void unlock(Principal actor, String taskId) {
    commands.execute(actor(actor), new UnlockExternalTaskCommand(taskId));
    signal.run();
  }

  @Override
  public void setRetries(Principal actor, String taskId, int retries) {
    commands.execute(actor(actor), new SetExternalTaskRetriesCommand(taskId, retries));
    signal.run();
  }

  @Override
  public Page<ExternalTaskView> findExternalTasks(
      Principal actor, ExternalTaskFilter filter, int firstResult, int maxResults) {
    return commands.execute(
        actor(actor), new FindExternalTasksCommand(filter, firstResult, maxResults));
  }

  @Override
  public Optional<String> getErrorDetails(Principal actor, String taskId) {
    return commands.execute(actor(actor), new GetErrorDetailsCommand(taskId));
  }

  @Override
  public void addTaskAvailabilityListener(Runnable listener) {
    signal.addListener(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeTaskAvailabilityListener(Runnable listener) {
    signal.removeListener(listener);
  }

  /** Converts and checks caller values (E4, W11) before any command runs. */
  private Map<String, TypedValue> typed(Map<String, Object> javaValues) {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    if (javaValues != null) {
      javaValues.forEach((name, value) -> result.put(name, values.fromJava(name, value)));
    }
    return result;
  }

  private Actor actor(Principal principal) {
    return commands.actorOf(principal);
  }
}

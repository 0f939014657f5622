package io.bulwark.engine.task;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.util.List;
import java.util.Map;

/** The task service over the command executor. Thread-safe. */
public final class DefaultTaskService implements TaskService {

  private final CommandExecutor executor;
  private final ProcessRuntime runtime;

  public DefaultTaskService(CommandExecutor executor, ProcessRuntime runtime) {
    this.executor = executor;
    this.runtime = runtime;
  }

  @Override
  public Page<TaskView> findTasks(Principal principal, TaskQuery query) {
    return executor.execute(executor.actorOf(principal), new FindTasksCommand(query));
  }

  @Override
  public TaskView getTask(Principal principal, String taskId) {
    return executor.execute(executor.actorOf(principal), new GetTaskCommand(taskId));
  }

  @Override
  public List<TaskFormField> getFormFields(Principal principal, String taskId) {
    return executor.execute(executor.actorOf(principal), new GetTaskFormCommand(runtime, taskId));
  }

  @Override
  public void claim(Principal principal, String taskId, String userId) {
    executor.execute(executor.actorOf(principal), ClaimTaskCommand.claim(runtime, taskId, userId));
  }

  @Override
  public void unclaim(Principal principal, String taskId) {
    executor.execute(executor.actorOf(principal), ClaimTaskCommand.unclaim(runtime, taskId));
  }

  @Override
  public void complete(Principal principal, String taskId, Map<String, Object> variables) {
    executor.execute(
        executor.actorOf(principal), new CompleteTaskCommand(runtime, taskId, variables));
  }

  @Override
  public void setVariables(Principal principal, String taskId, Map<String, Object> variables) {
    executor.execute(
        executor.actorOf(principal), TaskVariablesCommand.set(runtime, taskId, variables));
  }

  @Override
  public Map<String, Object> getVariables(Principal principal, String taskId) {
    return executor.execute(
        executor.actorOf(principal), TaskVariablesCommand.read(runtime, taskId));
  }
}

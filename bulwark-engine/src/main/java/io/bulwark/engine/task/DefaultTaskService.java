package io.bulwark.engine.task;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TaskComment;
import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.TaskIdentityLink;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
  public long countTasks(Principal principal, TaskQuery query) {
    return executor.execute(executor.actorOf(principal), new CountTasksCommand(query));
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
  public java.util.Optional<io.bulwark.engine.api.CamundaFormView> getCamundaForm(
      Principal principal, String taskId) {
    return executor.execute(
        executor.actorOf(principal), new GetCamundaFormCommand(runtime, taskId));
  }

  @Override
  public void claim(Principal principal, String taskId, @Nullable String userId) {
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
  public Map<String, Object> completeWithVariablesInReturn(
      Principal principal, String taskId, Map<String, Object> variables) {
    return executor.execute(
        executor.actorOf(principal),
        new CompleteTaskCommand(runtime, taskId, variables, CompleteTaskCommand.Answer.VARIABLES));
  }

  @Override
  public Map<String, Object> getFormVariables(Principal principal, String taskId) {
    return executor.execute(
        executor.actorOf(principal), new GetFormVariablesCommand(runtime, taskId));
  }

  @Override
  public void setVariables(Principal principal, String taskId, Map<String, Object> variables) {
    executor.execute(
        executor.actorOf(principal), TaskVariablesCommand.set(runtime, taskId, variables));
  }

  @Override
  public void modifyVariables(
      Principal principal,
      String taskId,
      Map<String, Object> modifications,
      java.util.Set<String> deletions) {
    executor.execute(
        executor.actorOf(principal),
        TaskVariablesCommand.modify(
            runtime, taskId, TaskVariablesCommand.Scope.VISIBLE, modifications, deletions));
  }

  @Override
  public Map<String, Object> getVariables(Principal principal, String taskId) {
    return executor.execute(
        executor.actorOf(principal),
        TaskVariablesCommand.read(runtime, taskId, TaskVariablesCommand.Scope.VISIBLE));
  }

  @Override
  public Map<String, Object> getLocalVariables(Principal principal, String taskId) {
    return executor.execute(
        executor.actorOf(principal),
        TaskVariablesCommand.read(runtime, taskId, TaskVariablesCommand.Scope.LOCAL));
  }

  @Override
  public void modifyLocalVariables(
      Principal principal,
      String taskId,
      Map<String, Object> modifications,
      java.util.Set<String> deletions) {
    executor.execute(
        executor.actorOf(principal),
        TaskVariablesCommand.modify(
            runtime, taskId, TaskVariablesCommand.Scope.LOCAL, modifications, deletions));
  }

  @Override
  public void setAssignee(Principal principal, String taskId, @Nullable String userId) {
    executor.execute(
        executor.actorOf(principal), AssignTaskCommand.assign(runtime, taskId, userId));
  }

  @Override
  public void delegate(Principal principal, String taskId, @Nullable String userId) {
    executor.execute(
        executor.actorOf(principal), AssignTaskCommand.delegate(runtime, taskId, userId));
  }

  @Override
  public void resolve(Principal principal, String taskId, Map<String, Object> variables) {
    executor.execute(
        executor.actorOf(principal), AssignTaskCommand.resolve(runtime, taskId, variables));
  }

  @Override
  public List<TaskIdentityLink> getIdentityLinks(Principal principal, String taskId) {
    return executor.execute(
        executor.actorOf(principal), TaskIdentityLinksCommand.list(runtime, taskId));
  }

  @Override
  public void addIdentityLink(Principal principal, String taskId, TaskIdentityLink link) {
    executor.execute(
        executor.actorOf(principal), TaskIdentityLinksCommand.add(runtime, taskId, link));
  }

  @Override
  public void deleteIdentityLink(Principal principal, String taskId, TaskIdentityLink link) {
    executor.execute(
        executor.actorOf(principal), TaskIdentityLinksCommand.remove(runtime, taskId, link));
  }

  @Override
  public TaskComment addComment(Principal principal, String taskId, @Nullable String message) {
    return executor
        .execute(executor.actorOf(principal), TaskCommentsCommand.add(runtime, taskId, message))
        .get(0);
  }

  @Override
  public List<TaskComment> getComments(Principal principal, String taskId) {
    return executor.execute(executor.actorOf(principal), TaskCommentsCommand.list(runtime, taskId));
  }

  @Override
  public TaskComment getComment(Principal principal, String taskId, String commentId) {
    return executor
        .execute(executor.actorOf(principal), TaskCommentsCommand.get(runtime, taskId, commentId))
        .get(0);
  }
}

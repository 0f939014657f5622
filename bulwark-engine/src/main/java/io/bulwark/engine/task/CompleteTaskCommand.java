package io.bulwark.engine.task;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.form.FormValidator;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.history.TaskCandidateHistory;
import io.bulwark.engine.runtime.Execution;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeRows;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.TaskRow;
import io.bulwark.engine.variable.VariableRows;
import java.sql.SQLException;
import java.util.Map;

/**
 * Completes a task: validates the variables against the task's form fields ({@link FormValidator},
 * W10; a task with form fields accepts only its fields), sets the variables on its instance,
 * deletes the task (checked against the revision read, so of two concurrent completions exactly one
 * succeeds and the other gets a {@link ConflictException}) and continues the instance. Queries: the
 * task, the instance lock, the instance's executions; the rest is batched at commit.
 */
public final class CompleteTaskCommand implements Command<Map<String, Object>> {

  /** What the command returns: nothing (an empty map), or the instance's variables. */
  public enum Answer {
    NOTHING,
    VARIABLES
  }

  private final ProcessRuntime runtime;
  private final String taskId;
  private final Map<String, Object> variables;
  private final Answer answer;

  public CompleteTaskCommand(ProcessRuntime runtime, String taskId, Map<String, Object> variables) {
    this(runtime, taskId, variables, Answer.NOTHING);
  }

  /**
   * @param answer {@link Answer#VARIABLES}: return the instance's variables as they are once the
   *     submitted ones are set, before the instance continues (Camunda's {@code
   *     withVariablesInReturn})
   */
  public CompleteTaskCommand(
      ProcessRuntime runtime, String taskId, Map<String, Object> variables, Answer answer) {
    this.runtime = runtime;
    this.taskId = taskId;
    this.variables = variables == null ? Map.of() : variables;
    this.answer = answer;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TASK, Permission.TASK_WORK, taskId);
  }

  @Override
  public Map<String, Object> execute(CommandContext context) throws SQLException {
    TaskRow task;
    try {
      task = TaskRepository.find(context.connection(), taskId);
    } catch (NotFoundException e) {
      if (TaskRepository.endedInHistory(context.connection(), taskId)) {
        throw new ConflictException("task " + taskId + " has already been completed");
      }
      throw e;
    }
    if (TaskRow.PENDING.equals(task.delegationState())) {
      throw new ConflictException(
          "task " + taskId + " is delegated; the delegate resolves it before it is completed");
    }
    RuntimeSession session = runtime.session(context);
    InstanceState instance;
    try {
      instance = session.instance(task.processInstanceId());
    } catch (NotFoundException e) {
      throw new ConflictException("task " + taskId + " was completed concurrently");
    }
    RuntimeSession.requireActive(instance);
    Execution execution = instance.execution(task.executionId());
    if (execution == null || !task.taskDefinitionKey().equals(execution.activityId())) {
      throw new ConflictException("task " + taskId + " was completed or cancelled concurrently");
    }
    FormValidator.validate(
        TaskForms.owner(taskId),
        TaskForms.fields(runtime, context.connection(), task),
        variables,
        runtime.values(),
        name -> session.variables(instance).get(name) != null,
        true);
    context.unitOfWork().delete(RuntimeRows.TASK, taskId, task.rev());
    TaskCandidateHistory.keep(context.unitOfWork(), taskId, task.processInstanceId());
    context.unitOfWork().deleteAll(RuntimeRows.IDENTITY_LINK, "task_id", taskId);
    context.unitOfWork().deleteAll(VariableRows.WRITER, "scope_id", taskId);
    HistoryRecorder history = session.history();
    history.taskChanged(taskId, task.assignee(), "completed");
    history.operation(
        "Complete", HistoryRecorder.Entity.TASK, taskId, instance.id(), task.taskDefinitionKey());
    session.setVariables(instance, execution, variables);
    Map<String, Object> result =
        answer == Answer.VARIABLES ? session.variables(instance) : Map.of();
    session.leave(instance, execution);
    session.run();
    return result;
  }
}

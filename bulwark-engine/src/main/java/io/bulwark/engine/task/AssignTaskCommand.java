package io.bulwark.engine.task;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.form.FormValidator;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeRows;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Changes who works on a task, as Camunda 7's task service does:
 *
 * <ul>
 *   <li>{@link #assign}: sets the assignee ({@code null} clears it) whoever holds the task
 *       (TASK_ASSIGN);
 *   <li>{@link #delegate}: the owner becomes the current assignee (unless the task already has an
 *       owner), the assignee becomes the delegate, and the delegation state PENDING (TASK_ASSIGN);
 *   <li>{@link #resolve}: a PENDING task goes back to its owner as assignee, state RESOLVED, after
 *       setting the given variables on the instance, checked against the task's form (W10) as when
 *       saving (TASK_WORK). Resolving a task that is not PENDING is a conflict.
 * </ul>
 *
 * Each update checks the revision read, so of two concurrent changes one wins; each is written to
 * the task's history and the user operation log (E6).
 */
public final class AssignTaskCommand implements Command<Void> {

  private enum Kind {
    ASSIGN,
    DELEGATE,
    RESOLVE
  }

  private final ProcessRuntime runtime;
  private final Kind kind;
  private final String taskId;
  private final @Nullable String userId;
  private final @Nullable Map<String, Object> variables;

  private AssignTaskCommand(
      ProcessRuntime runtime,
      Kind kind,
      String taskId,
      @Nullable String userId,
      @Nullable Map<String, Object> variables) {
    if (taskId == null || taskId.isBlank()) {
      throw ValidationException.of("taskId", "required", "a task ID is required");
    }
    if (userId != null && (userId.isBlank() || userId.length() > FindTasksCommand.MAX_TEXT)) {
      throw ValidationException.of(
          "userId", "length", "userId must have 1.." + FindTasksCommand.MAX_TEXT + " characters");
    }
    this.runtime = runtime;
    this.kind = kind;
    this.taskId = taskId;
    this.userId = userId;
    // A null value clears a variable, as on complete (Map.copyOf would refuse it).
    this.variables =
        variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** Sets the assignee; {@code userId} null removes it. */
  public static AssignTaskCommand assign(
      ProcessRuntime runtime, String taskId, @Nullable String userId) {
    return new AssignTaskCommand(runtime, Kind.ASSIGN, taskId, userId, null);
  }

  public static AssignTaskCommand delegate(
      ProcessRuntime runtime, String taskId, @Nullable String userId) {
    if (userId == null) {
      throw ValidationException.of("userId", "required", "a task is delegated to a user");
    }
    return new AssignTaskCommand(runtime, Kind.DELEGATE, taskId, userId, null);
  }

  public static AssignTaskCommand resolve(
      ProcessRuntime runtime, String taskId, @Nullable Map<String, Object> variables) {
    return new AssignTaskCommand(runtime, Kind.RESOLVE, taskId, null, variables);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(
        ResourceType.TASK,
        kind == Kind.RESOLVE ? Permission.TASK_WORK : Permission.TASK_ASSIGN,
        taskId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    TaskRow changed =
        switch (kind) {
          case ASSIGN -> task.withAssignee(userId);
          case DELEGATE ->
              task.withDelegation(
                  userId, task.owner() == null ? task.assignee() : task.owner(), TaskRow.PENDING);
          case RESOLVE -> resolved(context, task);
        };
    context.unitOfWork().update(RuntimeRows.TASK, changed, task.rev());
    HistoryRecorder history = new HistoryRecorder(context, runtime.historyLevel());
    history.taskChanged(taskId, changed.assignee(), null);
    history.operation(
        switch (kind) {
          case ASSIGN -> "Assign";
          case DELEGATE -> "Delegate";
          case RESOLVE -> "Resolve";
        },
        HistoryRecorder.Entity.TASK,
        taskId,
        task.processInstanceId(),
        "assignee",
        task.assignee(),
        changed.assignee());
    return null;
  }

  private TaskRow resolved(CommandContext context, TaskRow task) throws SQLException {
    if (!TaskRow.PENDING.equals(task.delegationState())) {
      throw new ConflictException(
          "task " + taskId + " is not delegated; only a pending task is resolved");
    }
    if (variables != null && !variables.isEmpty()) {
      FormValidator.validate(
          TaskForms.owner(taskId),
          TaskForms.fields(runtime, context.connection(), task),
          variables,
          runtime.values(),
          name -> true,
          false);
      RuntimeSession session = runtime.session(context);
      InstanceState instance = session.instance(task.processInstanceId());
      session.readOrSetVariables(instance, variables, HistoryRecorder.Entity.TASK, taskId);
    }
    return task.withDelegation(task.owner(), task.owner(), TaskRow.RESOLVED);
  }
}

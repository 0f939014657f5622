package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoryLevel;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import io.bulwark.engine.variable.VariableRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the history of one command into its unit of work, as far as the {@link HistoryLevel} asks.
 * A row started and ended in the same command is written once, complete; a row ended later is
 * closed by an update of its end columns only, without reading it. Not thread-safe: one per
 * command.
 */
public final class HistoryRecorder {

  /** Entity types of the user operation log. */
  public enum Entity {
    DEPLOYMENT,
    PROCESS_DEFINITION,
    PROCESS_INSTANCE,
    TASK,
    VARIABLE,
    MESSAGE
  }

  private final UnitOfWork work;
  private final HistoryLevel level;
  private final Instant now;
  private final String userId;
  private final Map<String, HistoryRows.ProcessInstanceRow> pendingInstances = new HashMap<>();
  private final Map<String, HistoryRows.ActivityInstanceRow> pendingActivities = new HashMap<>();
  private final Map<String, HistoryRows.TaskRow> pendingTasks = new HashMap<>();

  public HistoryRecorder(CommandContext context, HistoryLevel level) {
    this.work = context.unitOfWork();
    this.level = level;
    this.now = context.now();
    this.userId = context.actor().userId();
  }

  public HistoryLevel level() {
    return level;
  }

  /** Records a started process instance. */
  public void instanceStarted(
      String instanceId,
      String definitionId,
      String definitionKey,
      @Nullable String businessKey,
      @Nullable String tenantId,
      @Nullable String superInstanceId) {
    if (!level.includes(HistoryLevel.ACTIVITY)) {
      return;
    }
    var row =
        new HistoryRows.ProcessInstanceRow(
            instanceId,
            definitionId,
            definitionKey,
            businessKey,
            now,
            null,
            userId,
            "ACTIVE",
            null,
            tenantId,
            superInstanceId);
    pendingInstances.put(instanceId, row);
    work.insert(HistoryRows.PROCESS_INSTANCE, row);
  }

  /** Records the end of an instance: state COMPLETED, TERMINATED or DELETED. */
  public void instanceEnded(String instanceId, String state, @Nullable String reason) {
    if (!level.includes(HistoryLevel.ACTIVITY)) {
      return;
    }
    var pending = pendingInstances.get(instanceId);
    if (pending != null) {
      var ended = pending.ended(now, state, reason);
      pendingInstances.put(instanceId, ended);
      work.update(HistoryRows.PROCESS_INSTANCE, ended);
    } else {
      work.update(
          HistoryRows.PROCESS_END, new HistoryRows.ProcessEndRow(instanceId, now, state, reason));
    }
  }

  /** Records entering an activity and returns the activity instance id ({@code null} at NONE). */
  public @Nullable String activityStarted(
      String instanceId,
      String executionId,
      String activityId,
      String activityType,
      @Nullable String activityName) {
    if (!level.includes(HistoryLevel.ACTIVITY)) {
      return null;
    }
    String id = RowIds.next();
    var row =
        new HistoryRows.ActivityInstanceRow(
            id, instanceId, executionId, activityId, activityType, activityName, null, now, null);
    pendingActivities.put(id, row);
    work.insert(HistoryRows.ACTIVITY_INSTANCE, row);
    return id;
  }

  /** Links a user task to its activity instance. */
  public void activityTask(@Nullable String activityInstanceId, String taskId) {
    var pending = activityInstanceId == null ? null : pendingActivities.get(activityInstanceId);
    if (pending != null) {
      var row =
          new HistoryRows.ActivityInstanceRow(
              pending.id(),
              pending.processInstanceId(),
              pending.executionId(),
              pending.activityId(),
              pending.activityType(),
              pending.activityName(),
              taskId,
              pending.startedAt(),
              pending.endedAt());
      pendingActivities.put(row.id(), row);
      work.update(HistoryRows.ACTIVITY_INSTANCE, row);
    }
  }

  /** Records leaving (or cancelling) an activity instance; {@code null} is ignored. */
  public void activityEnded(@Nullable String activityInstanceId) {
    if (activityInstanceId == null || !level.includes(HistoryLevel.ACTIVITY)) {
      return;
    }
    var pending = pendingActivities.get(activityInstanceId);
    if (pending != null) {
      var row =
          new HistoryRows.ActivityInstanceRow(
              pending.id(),
              pending.processInstanceId(),
              pending.executionId(),
              pending.activityId(),
              pending.activityType(),
              pending.activityName(),
              pending.taskId(),
              pending.startedAt(),
              now);
      pendingActivities.put(row.id(), row);
      work.update(HistoryRows.ACTIVITY_INSTANCE, row);
    } else {
      work.update(HistoryRows.ACTIVITY_END, new HistoryRows.EndRow(activityInstanceId, now));
    }
  }

  /** Records a created task. */
  public void taskCreated(
      String taskId,
      String instanceId,
      String taskDefinitionKey,
      @Nullable String name,
      @Nullable String assignee,
      @Nullable Instant dueDate) {
    if (!level.includes(HistoryLevel.ACTIVITY)) {
      return;
    }
    var row =
        new HistoryRows.TaskRow(
            taskId, instanceId, taskDefinitionKey, name, assignee, now, null, dueDate, null);
    pendingTasks.put(taskId, row);
    work.insert(HistoryRows.TASK, row);
  }

  /**
   * Records a task's assignee and, when {@code reason} is not null, its end (completed, deleted or
   * cancelled with that reason).
   */
  public void taskChanged(String taskId, @Nullable String assignee, @Nullable String reason) {
    if (!level.includes(HistoryLevel.ACTIVITY)) {
      return;
    }
    Instant ended = reason == null ? null : now;
    var pending = pendingTasks.get(taskId);
    if (pending != null) {
      var row =
          new HistoryRows.TaskRow(
              taskId,
              pending.processInstanceId(),
              pending.taskDefinitionKey(),
              pending.name(),
              assignee,
              pending.createdAt(),
              ended,
              pending.dueDate(),
              reason);
      pendingTasks.put(taskId, row);
      work.update(HistoryRows.TASK, row);
    } else {
      work.update(
          HistoryRows.TASK_END, new HistoryRows.TaskEndRow(taskId, assignee, ended, reason));
    }
  }

  /** Records a variable row as it will be after this command (AUDIT; task-local at FULL only). */
  public void variableUpdated(VariableRow row, boolean taskLocal) {
    HistoryLevel needed = taskLocal ? HistoryLevel.FULL : HistoryLevel.AUDIT;
    if (!level.includes(needed)) {
      return;
    }
    work.insert(
        HistoryRows.VARIABLE_UPDATE,
        new HistoryRows.VariableUpdateRow(
            RowIds.next(),
            row.id(),
            row.processInstanceId(),
            row.scopeId(),
            row.name(),
            row.valueType().name(),
            row.textValue(),
            row.longValue(),
            row.doubleValue(),
            row.bytesValue(),
            row.rev(),
            now,
            userId,
            row.cipherKey()));
    if (level.includes(HistoryLevel.FULL)) {
      operation("SetVariable", Entity.VARIABLE, row.id(), row.processInstanceId(), row.name());
    }
  }

  /** Writes one user operation log entry (E6), at every level. */
  public void operation(
      String operation,
      Entity entity,
      @Nullable String entityId,
      @Nullable String instanceId,
      @Nullable String property) {
    operation(operation, entity, entityId, instanceId, property, null, null);
  }

  /** Writes one user operation log entry with the old and new value of a property (E6). */
  public void operation(
      String operation,
      Entity entity,
      @Nullable String entityId,
      @Nullable String instanceId,
      @Nullable String property,
      @Nullable String oldValue,
      @Nullable String newValue) {
    work.insert(
        HistoryRows.OPERATION,
        new HistoryRows.OperationRow(
            RowIds.next(),
            now,
            userId,
            operation,
            entity.name(),
            entityId,
            instanceId,
            property,
            oldValue,
            newValue));
  }
}

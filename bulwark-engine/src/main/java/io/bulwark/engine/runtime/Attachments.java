package io.bulwark.engine.runtime;

import io.bulwark.engine.api.HistoryLevel;
import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.model.ReceiveTask;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.model.ServiceTask;
import io.bulwark.engine.bpmn.model.SubProcess;
import io.bulwark.engine.bpmn.model.UserTask;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import io.bulwark.engine.externaltask.ExternalTasks;
import io.bulwark.engine.history.TaskCandidateHistory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rows an execution owns while it waits (tasks, external tasks, timer jobs, message
 * subscriptions) and their removal when the execution leaves or is cancelled. Rows created in this
 * command are cancelled in the unit of work; rows from earlier commands are deleted with one
 * statement per kind, only for the kinds the node can own, and never for an execution created in
 * this command. Not thread-safe: one per command.
 */
final class Attachments {

  /** Why the execution lets go of its rows. */
  enum Cause {
    /** The activity completed; a user task's own row is removed by the completing command. */
    LEAVE,
    /** Interrupted: boundary event, terminate end event, error, deletion. */
    CANCEL
  }

  /** A row created in this command; {@code writer} is null for an external task. */
  private record Pending(@Nullable RowWriter<?> writer, String id, boolean task) {}

  private final RuntimeSession session;
  private final Map<String, List<Pending>> pending = new HashMap<>();

  Attachments(RuntimeSession session) {
    this.session = session;
  }

  void created(String executionId, RowWriter<?> writer, String id) {
    pending
        .computeIfAbsent(executionId, k -> new ArrayList<>())
        .add(new Pending(writer, id, false));
  }

  void createdExternalTask(String executionId, String externalTaskId) {
    pending
        .computeIfAbsent(executionId, k -> new ArrayList<>())
        .add(new Pending(null, externalTaskId, false));
  }

  void createdTask(String executionId, String taskId) {
    pending
        .computeIfAbsent(executionId, k -> new ArrayList<>())
        .add(new Pending(RuntimeRows.TASK, taskId, true));
  }

  void remove(InstanceState instance, Execution execution, FlowNode node, Cause cause)
      throws SQLException {
    boolean userTaskLeave = cause == Cause.LEAVE && node instanceof UserTask;
    cancelPending(execution.id(), userTaskLeave);
    if (execution.isNew()) {
      return;
    }
    if (node instanceof UserTask && cause == Cause.CANCEL) {
      deleteTasks(execution.id());
    }
    if (node instanceof ServiceTask s
        && s.implementation() instanceof ServiceImplementation.ExternalTopic) {
      // On LEAVE the completing command already registered the row's removal; the unit of work
      // merges the two deletes of the same row, and incidents of the task are resolved.
      ExternalTasks.cancelForExecution(session.context(), execution.id());
    }
    if (node instanceof ReceiveTask r && r.message() != null) {
      update("DELETE FROM bw_event_subscription WHERE execution_id = ?", execution.id());
    }
    boolean subscriptionCatch =
        node instanceof IntermediateCatchEvent c
            && (c.definition() instanceof EventDefinition.Message
                || c.definition() instanceof EventDefinition.Signal
                || c.definition() instanceof EventDefinition.Conditional);
    // A scope with event sub-processes owns their subscriptions and timers (EventSubProcesses).
    boolean eventScope =
        (node instanceof SubProcess && !instance.model().eventSubProcessStarts(node.id()).isEmpty())
            || node instanceof io.bulwark.engine.bpmn.model.EventBasedGateway;
    if (subscriptionCatch
        || eventScope
        || (node instanceof Activity
            && (hasBoundary(instance, node, EventDefinition.Message.class)
                || hasBoundary(instance, node, EventDefinition.Signal.class)
                || hasBoundary(instance, node, EventDefinition.Conditional.class)))) {
      update("DELETE FROM bw_event_subscription WHERE execution_id = ?", execution.id());
    }
    boolean timerCatch =
        node instanceof IntermediateCatchEvent c && c.definition() instanceof EventDefinition.Timer;
    if (timerCatch
        || eventScope
        || (node instanceof Activity && hasBoundary(instance, node, EventDefinition.Timer.class))
        || node.async().before()
        || node.async().after()
        || MultiInstanceBehavior.runAsync(instance, node).before()
        || MultiInstanceBehavior.runAsync(instance, node).after()) {
      deleteJobs(execution.id());
    }
  }

  /**
   * Lets go of what the process instance's root execution owns: the triggers of the process-level
   * event sub-processes (the instance ends or is cancelled).
   */
  void removeRoot(InstanceState instance) throws SQLException {
    Execution root = instance.root();
    cancelPending(root.id());
    if (!root.isNew() && !instance.model().eventSubProcessStarts(instance.model().id()).isEmpty()) {
      update("DELETE FROM bw_event_subscription WHERE execution_id = ?", root.id());
      deleteJobs(root.id());
    }
  }

  /** Deletes the stored subscriptions of {@code executionId} for these catching activities. */
  void deleteSubscriptions(String executionId, java.util.Set<String> activityIds)
      throws SQLException {
    for (String activityId : activityIds) {
      update(
          "DELETE FROM bw_event_subscription WHERE execution_id = ? AND activity_id = ?",
          executionId,
          activityId);
    }
  }

  private void cancelPending(String executionId) {
    cancelPending(executionId, false);
  }

  /** Cancels the rows created in this command for the execution (its task too, unless kept). */
  private void cancelPending(String executionId, boolean keepTask) {
    for (Pending row : pending.getOrDefault(executionId, List.of())) {
      if (keepTask && row.task()) {
        continue;
      }
      if (row.writer() == null) {
        ExternalTasks.cancelCreated(session.context(), row.id());
      } else if (row.writer().versioning() == Versioning.OPTIMISTIC) {
        session.context().unitOfWork().delete(row.writer(), row.id(), 1);
      } else {
        session.context().unitOfWork().delete(row.writer(), row.id());
      }
      if (row.task()) {
        session.history().taskChanged(row.id(), null, "deleted");
      }
    }
    pending.remove(executionId);
  }

  private static boolean hasBoundary(
      InstanceState instance, FlowNode node, Class<? extends EventDefinition> kind) {
    for (BoundaryEvent boundary : instance.model().boundaryEvents(node.id())) {
      if (kind.isInstance(boundary.definition())) {
        return true;
      }
    }
    return false;
  }

  private void deleteTasks(String executionId) throws SQLException {
    if (session.history().level().includes(HistoryLevel.ACTIVITY)) {
      update(
          "UPDATE bw_hi_task SET ended_at = ?, delete_reason = ?"
              + " WHERE id IN (SELECT id FROM bw_task WHERE execution_id = ?)",
          session.context().now(),
          "deleted",
          executionId);
    }
    update(
        "DELETE FROM bw_variable WHERE scope_id IN (SELECT id FROM bw_task WHERE execution_id = ?)",
        executionId);
    update(TaskCandidateHistory.COPY_OF_EXECUTION, executionId);
    update(
        "DELETE FROM bw_task_identity_link"
            + " WHERE task_id IN (SELECT id FROM bw_task WHERE execution_id = ?)",
        executionId);
    update("DELETE FROM bw_task WHERE execution_id = ?", executionId);
  }

  /**
   * Removes the execution's jobs and resolves their incidents. The job being run in this command (a
   * fired timer) is included: the job executor's own delete of it merges with this one in the unit
   * of work, so nothing is deleted twice.
   */
  private void deleteJobs(String executionId) throws SQLException {
    session.runtime().jobs().deleteJobsOfExecution(session.context(), executionId);
  }

  private void update(String sql, Object... values) throws SQLException {
    CommandContext context = session.context();
    try (PreparedStatement statement = context.connection().prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        SqlValues.bind(statement, i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}

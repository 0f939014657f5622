package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.model.ServiceTask;
import io.bulwark.engine.bpmn.model.UserTask;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import io.bulwark.engine.history.HistoryLevel;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private record Pending(RowWriter<?> writer, String id, boolean task) {}

  private final RuntimeSession session;
  private final Map<String, List<Pending>> pending = new HashMap<>();
  private String currentJobId = "";

  Attachments(RuntimeSession session) {
    this.session = session;
  }

  /** The job this command runs for, which removal must leave to the job executor. */
  void currentJob(String jobId) {
    this.currentJobId = jobId == null ? "" : jobId;
  }

  void created(String executionId, RowWriter<?> writer, String id) {
    pending
        .computeIfAbsent(executionId, k -> new ArrayList<>())
        .add(new Pending(writer, id, false));
  }

  void createdTask(String executionId, String taskId) {
    pending
        .computeIfAbsent(executionId, k -> new ArrayList<>())
        .add(new Pending(RuntimeRows.TASK, taskId, true));
  }

  void remove(InstanceState instance, Execution execution, FlowNode node, Cause cause)
      throws SQLException {
    boolean userTaskLeave = cause == Cause.LEAVE && node instanceof UserTask;
    for (Pending row : pending.getOrDefault(execution.id(), List.of())) {
      if (userTaskLeave && row.task()) {
        continue;
      }
      if (row.writer().versioning() == Versioning.OPTIMISTIC) {
        session.context().unitOfWork().delete(row.writer(), row.id(), 1);
      } else {
        session.context().unitOfWork().delete(row.writer(), row.id());
      }
      if (row.task()) {
        session.history().taskChanged(row.id(), null, "deleted");
      }
    }
    pending.remove(execution.id());
    if (execution.isNew()) {
      return;
    }
    if (node instanceof UserTask && cause == Cause.CANCEL) {
      deleteTasks(execution.id());
    }
    if (node instanceof ServiceTask s
        && s.implementation() instanceof ServiceImplementation.ExternalTopic) {
      update("DELETE FROM bw_external_task WHERE execution_id = ?", execution.id());
    }
    if (node instanceof IntermediateCatchEvent c) {
      if (c.definition() instanceof EventDefinition.Message) {
        update("DELETE FROM bw_event_subscription WHERE execution_id = ?", execution.id());
      } else {
        deleteJobs(execution.id());
      }
    } else if (node instanceof Activity && hasTimerBoundary(instance, node)) {
      deleteJobs(execution.id());
    }
  }

  private static boolean hasTimerBoundary(InstanceState instance, FlowNode node) {
    for (BoundaryEvent boundary : instance.model().boundaryEvents(node.id())) {
      if (boundary.definition() instanceof EventDefinition.Timer) {
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
    update("DELETE FROM bw_task WHERE execution_id = ?", executionId);
  }

  private void deleteJobs(String executionId) throws SQLException {
    update("DELETE FROM bw_job WHERE execution_id = ? AND id <> ?", executionId, currentJobId);
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

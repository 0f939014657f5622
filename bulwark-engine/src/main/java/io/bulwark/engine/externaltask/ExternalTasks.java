package io.bulwark.engine.externaltask;

import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.job.Incidents;
import java.sql.SQLException;
import java.util.List;

/**
 * Creates and cancels external tasks inside the current command (the internal API the execution
 * core calls). Only registers rows in {@code context.unitOfWork()}. Stateless and thread-safe.
 */
public final class ExternalTasks {

  private ExternalTasks() {}

  /** Registers a new, unlocked external task; returns its id. */
  public static String create(CommandContext context, NewExternalTask task) {
    ExternalTaskRow row =
        new ExternalTaskRow(
            RowIds.next(),
            task.topic(),
            task.executionId(),
            task.processInstanceId(),
            task.processDefinitionId(),
            task.processDefinitionKey(),
            task.activityId(),
            task.businessKey(),
            null,
            null,
            null,
            null,
            null,
            task.priority(),
            false,
            context.now(),
            task.tenantId(),
            1);
    context.unitOfWork().insert(ExternalTaskRows.WRITER, row);
    return row.id();
  }

  /** Cancels the creation of a task registered by {@link #create} in this same command. */
  public static void cancelCreated(CommandContext context, String taskId) {
    context.unitOfWork().delete(ExternalTaskRows.WRITER, taskId, 1);
  }

  /**
   * Registers the removal of the external tasks of an execution and their incidents (the activity
   * was cancelled, e.g. by an interrupting boundary event). A worker completing it at the same time
   * loses with a conflict.
   */
  public static int cancelForExecution(CommandContext context, String executionId)
      throws SQLException {
    List<ExternalTaskRow> rows =
        ExternalTaskRows.findByExecution(context.connection(), executionId);
    for (ExternalTaskRow row : rows) {
      context.unitOfWork().delete(ExternalTaskRows.WRITER, row.id(), row.rev());
      Incidents.deleteForExternalTask(context, row.id());
    }
    return rows.size();
  }
}

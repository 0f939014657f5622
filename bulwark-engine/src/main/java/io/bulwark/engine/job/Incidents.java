package io.bulwark.engine.job;

import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rows of {@code bw_incident}: created when a job or external task reaches zero retries, removed
 * (resolved) when its retries are set again. Shared by jobs and external tasks; performs no
 * authorization check itself (the calling command declared it).
 */
public final class Incidents {

  /** Incident type of a job without retries (the Camunda 7 name). */
  public static final String FAILED_JOB = "failedJob";

  /** Incident type of an external task without retries (the Camunda 7 name). */
  public static final String FAILED_EXTERNAL_TASK = "failedExternalTask";

  /** Columns selected by {@link #MAPPER}, unqualified. */
  public static final String COLUMNS =
      "id, incident_type, created_at, execution_id, process_instance_id, activity_id, job_id,"
          + " external_task_id, message, rev";

  /** Writes rows of {@code bw_incident} through the unit of work. */
  public static final RowWriter<IncidentRow> WRITER =
      RowWriter.of(
          "bw_incident",
          Versioning.OPTIMISTIC,
          IncidentRow::id,
          List.of(
              "incident_type",
              "created_at",
              "execution_id",
              "process_instance_id",
              "activity_id",
              "job_id",
              "external_task_id",
              "message"),
          row ->
              Arrays.asList(
                  row.type(),
                  row.createdAt(),
                  row.executionId(),
                  row.processInstanceId(),
                  row.activityId(),
                  row.jobId(),
                  row.externalTaskId(),
                  row.message()));

  /** Reads a row selected with {@link #COLUMNS}. */
  public static final RowMapper<IncidentRow> MAPPER =
      rs ->
          new IncidentRow(
              rs.getString("id"),
              rs.getString("incident_type"),
              SqlValues.requiredInstant(rs, "created_at"),
              rs.getString("execution_id"),
              rs.getString("process_instance_id"),
              rs.getString("activity_id"),
              rs.getString("job_id"),
              rs.getString("external_task_id"),
              rs.getString("message"),
              rs.getLong("rev"));

  private Incidents() {}

  /** Registers a new incident for a job that ran out of retries. */
  public static IncidentRow createForJob(CommandContext context, JobRow job, String message) {
    IncidentRow row =
        new IncidentRow(
            RowIds.next(),
            FAILED_JOB,
            context.now(),
            job.executionId(),
            job.processInstanceId(),
            job.activityId(),
            job.id(),
            null,
            JobRows.truncate(message, JobRows.MESSAGE_LENGTH),
            1);
    context.unitOfWork().insert(WRITER, row);
    return row;
  }

  /** Registers a new incident for an external task that ran out of retries. */
  public static IncidentRow createForExternalTask(
      CommandContext context,
      String externalTaskId,
      String executionId,
      String processInstanceId,
      String activityId,
      String message) {
    IncidentRow row =
        new IncidentRow(
            RowIds.next(),
            FAILED_EXTERNAL_TASK,
            context.now(),
            executionId,
            processInstanceId,
            activityId,
            null,
            externalTaskId,
            JobRows.truncate(message, JobRows.MESSAGE_LENGTH),
            1);
    context.unitOfWork().insert(WRITER, row);
    return row;
  }

  /** Registers the removal of every incident of a job; returns how many. */
  public static int resolveForJob(CommandContext context, String jobId) throws SQLException {
    return resolve(context, "job_id", jobId);
  }

  /** Registers the removal of every incident of an external task; returns how many. */
  public static int resolveForExternalTask(CommandContext context, String externalTaskId)
      throws SQLException {
    return resolve(context, "external_task_id", externalTaskId);
  }

  /** The incident with this id, if any. */
  public static Optional<IncidentRow> find(Connection connection, String id) throws SQLException {
    List<IncidentRow> rows = select(connection, "id", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static int resolve(CommandContext context, String column, String value)
      throws SQLException {
    List<IncidentRow> rows = select(context.connection(), column, value);
    rows.forEach(row -> context.unitOfWork().delete(WRITER, row.id(), row.rev()));
    return rows.size();
  }

  private static List<IncidentRow> select(Connection connection, String column, String value)
      throws SQLException {
    // column is one of the constants above, never caller input (E5).
    String sql = "SELECT " + COLUMNS + " FROM bw_incident WHERE " + column + " = ? ORDER BY id";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rs = statement.executeQuery()) {
        List<IncidentRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(MAPPER.map(rs));
        }
        return rows;
      }
    }
  }
}

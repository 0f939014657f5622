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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rows of {@code bw_incident}: created when a job or external task reaches zero retries, removed
 * (resolved) when its retries are set again, or (deleted) with its job or external task. Each
 * incident is also kept in {@code bw_hi_incident} (V190): copied there when created and closed
 * there as resolved or deleted, at every history level, in the same unit of work. Shared by jobs
 * and external tasks; performs no authorization check itself (the calling command declared it).
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

  /**
   * Copies a new incident into history with its instance's definition and starter (for case
   * security, Z3); written after the unit's row inserts, so the incident row is there.
   */
  private static final String KEEP_IN_HISTORY =
      "INSERT INTO bw_hi_incident (id, incident_type, created_at, state, execution_id,"
          + " process_instance_id, process_definition_id, process_definition_key, started_by,"
          + " tenant_id, activity_id, job_id, external_task_id, message)"
          + " SELECT i.id, i.incident_type, i.created_at, 'open', i.execution_id,"
          + " i.process_instance_id, e.process_definition_id, d.def_key, e.started_by, e.tenant_id,"
          + " i.activity_id, i.job_id, i.external_task_id, i.message"
          + " FROM bw_incident i LEFT JOIN bw_execution e ON e.id = i.process_instance_id"
          + " LEFT JOIN bw_process_definition d ON d.id = e.process_definition_id"
          + " WHERE i.id = ?";

  /** Closes an open incident in history: its end state and time. */
  private static final String END_IN_HISTORY =
      "UPDATE bw_hi_incident SET state = ?, ended_at = CAST(? AS TIMESTAMP WITH TIME ZONE)"
          + " WHERE id = ? AND state = 'open'";

  /** A timestamp literal that H2 and PostgreSQL both read, always in UTC. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

  /** How an incident ends in history. */
  public enum End {
    /** Its job or external task got retries again, or a person resolved it. */
    RESOLVED,
    /** Its job or external task was removed (activity cancelled, instance deleted). */
    DELETED
  }

  private Incidents() {}

  /** Registers a new incident for a job that ran out of retries. */
  public static IncidentRow createForJob(
      CommandContext context, JobRow job, @Nullable String message) {
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
    context.unitOfWork().copyAll(KEEP_IN_HISTORY, row.id());
    return row;
  }

  /** Registers a new incident for an external task that ran out of retries. */
  public static IncidentRow createForExternalTask(
      CommandContext context,
      String externalTaskId,
      String executionId,
      String processInstanceId,
      String activityId,
      @Nullable String message) {
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
    context.unitOfWork().copyAll(KEEP_IN_HISTORY, row.id());
    return row;
  }

  /** Registers the removal of every incident of a job, resolved; returns how many. */
  public static int resolveForJob(CommandContext context, String jobId) throws SQLException {
    return end(context, "job_id", jobId, End.RESOLVED);
  }

  /** Registers the removal of every incident of an external task, resolved; returns how many. */
  public static int resolveForExternalTask(CommandContext context, String externalTaskId)
      throws SQLException {
    return end(context, "external_task_id", externalTaskId, End.RESOLVED);
  }

  /** Registers the removal of every incident of a job that is removed itself. */
  public static int deleteForJob(CommandContext context, String jobId) throws SQLException {
    return end(context, "job_id", jobId, End.DELETED);
  }

  /** Registers the removal of every incident of an external task that is removed itself. */
  public static int deleteForExternalTask(CommandContext context, String externalTaskId)
      throws SQLException {
    return end(context, "external_task_id", externalTaskId, End.DELETED);
  }

  /** Registers the removal of one incident and its end in history. */
  public static void end(CommandContext context, IncidentRow row, End end) {
    context.unitOfWork().delete(WRITER, row.id(), row.rev());
    context
        .unitOfWork()
        .copyAll(
            END_IN_HISTORY,
            end.name().toLowerCase(Locale.ROOT),
            TIMESTAMP.format(context.now()),
            row.id());
  }

  /** The incident with this id, if any. */
  public static Optional<IncidentRow> find(Connection connection, String id) throws SQLException {
    List<IncidentRow> rows = select(connection, "id", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static int end(CommandContext context, String column, String value, End end)
      throws SQLException {
    List<IncidentRow> rows = select(context.connection(), column, value);
    rows.forEach(row -> end(context, row, end));
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

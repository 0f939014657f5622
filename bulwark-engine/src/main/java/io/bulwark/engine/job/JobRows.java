package io.bulwark.engine.job;

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
import org.jspecify.annotations.Nullable;

/** Maps jobs to {@code bw_job} rows and back, and the few reads the job commands share. */
public final class JobRows {

  /** Size of the {@code exception_message} column. */
  public static final int MESSAGE_LENGTH = 4000;

  /** Columns selected by {@link #MAPPER}, unqualified. */
  public static final String COLUMNS =
      "id, job_type, execution_id, process_instance_id, process_definition_id, activity_id,"
          + " due_date, retries, lock_owner, lock_expires_at, exception_message, handler_config,"
          + " suspended, created_at, repeat_interval, repeats_left, priority, rev";

  /** Writes rows of {@code bw_job} through the unit of work. */
  public static final RowWriter<JobRow> WRITER =
      RowWriter.of(
          "bw_job",
          Versioning.OPTIMISTIC,
          JobRow::id,
          List.of(
              "job_type",
              "execution_id",
              "process_instance_id",
              "process_definition_id",
              "activity_id",
              "due_date",
              "retries",
              "lock_owner",
              "lock_expires_at",
              "exception_message",
              "handler_config",
              "suspended",
              "created_at",
              "repeat_interval",
              "repeats_left",
              "priority"),
          row ->
              Arrays.asList(
                  row.type(),
                  row.executionId(),
                  row.processInstanceId(),
                  row.processDefinitionId(),
                  row.activityId(),
                  row.dueDate(),
                  row.retries(),
                  row.lockOwner(),
                  row.lockExpiresAt(),
                  row.exceptionMessage(),
                  row.handlerConfig(),
                  row.suspended(),
                  row.createdAt(),
                  row.repeatInterval(),
                  row.repeatsLeft(),
                  row.priority()));

  /** Reads a row selected with {@link #COLUMNS}. */
  public static final RowMapper<JobRow> MAPPER =
      rs -> {
        long repeats = rs.getLong("repeats_left");
        Integer repeatsLeft = rs.wasNull() ? null : Math.toIntExact(repeats);
        return new JobRow(
            rs.getString("id"),
            rs.getString("job_type"),
            rs.getString("execution_id"),
            rs.getString("process_instance_id"),
            rs.getString("process_definition_id"),
            rs.getString("activity_id"),
            SqlValues.instant(rs, "due_date"),
            rs.getInt("retries"),
            rs.getString("lock_owner"),
            SqlValues.instant(rs, "lock_expires_at"),
            rs.getString("exception_message"),
            rs.getString("handler_config"),
            rs.getBoolean("suspended"),
            SqlValues.requiredInstant(rs, "created_at"),
            rs.getString("repeat_interval"),
            repeatsLeft,
            rs.getLong("priority"),
            rs.getLong("rev"));
      };

  private static final String BY_ID = "SELECT " + COLUMNS + " FROM bw_job WHERE id = ?";
  private static final String BY_EXECUTION =
      "SELECT " + COLUMNS + " FROM bw_job WHERE execution_id = ? ORDER BY id";

  private JobRows() {}

  /** The job with this id, if any. */
  public static Optional<JobRow> find(Connection connection, String id) throws SQLException {
    List<JobRow> rows = select(connection, BY_ID, id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The jobs of one execution. */
  public static List<JobRow> findByExecution(Connection connection, String executionId)
      throws SQLException {
    return select(connection, BY_EXECUTION, executionId);
  }

  /** A message cut to the column size, without line breaks (no stack traces in messages). */
  static @Nullable String truncate(@Nullable String message, int length) {
    if (message == null) {
      return null;
    }
    String single = message.replaceAll("[\\r\\n\\t]+", " ");
    return single.length() <= length ? single : single.substring(0, length - 1) + "…";
  }

  private static List<JobRow> select(Connection connection, String sql, String value)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rs = statement.executeQuery()) {
        List<JobRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(MAPPER.map(rs));
        }
        return rows;
      }
    }
  }
}

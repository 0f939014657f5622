package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.command.CommandContext;
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

/** Maps external tasks to {@code bw_external_task} rows and back. */
final class ExternalTaskRows {

  static final String COLUMNS =
      "id, topic, execution_id, process_instance_id, process_definition_id,"
          + " process_definition_key, activity_id, business_key, worker_id, lock_expires_at,"
          + " retries, error_message, error_details, priority, suspended, created_at, tenant_id,"
          + " rev";

  static final RowWriter<ExternalTaskRow> WRITER =
      RowWriter.of(
          "bw_external_task",
          Versioning.OPTIMISTIC,
          ExternalTaskRow::id,
          List.of(
              "topic",
              "execution_id",
              "process_instance_id",
              "process_definition_id",
              "process_definition_key",
              "activity_id",
              "business_key",
              "worker_id",
              "lock_expires_at",
              "retries",
              "error_message",
              "error_details",
              "priority",
              "suspended",
              "created_at",
              "tenant_id"),
          row ->
              Arrays.asList(
                  row.topic(),
                  row.executionId(),
                  row.processInstanceId(),
                  row.processDefinitionId(),
                  row.processDefinitionKey(),
                  row.activityId(),
                  row.businessKey(),
                  row.workerId(),
                  row.lockExpiresAt(),
                  row.retries(),
                  row.errorMessage(),
                  row.errorDetails(),
                  row.priority(),
                  row.suspended(),
                  row.createdAt(),
                  row.tenantId()));

  static final RowMapper<ExternalTaskRow> MAPPER =
      rs -> {
        int retries = rs.getInt("retries");
        Integer nullableRetries = rs.wasNull() ? null : retries;
        return new ExternalTaskRow(
            rs.getString("id"),
            rs.getString("topic"),
            rs.getString("execution_id"),
            rs.getString("process_instance_id"),
            rs.getString("process_definition_id"),
            rs.getString("process_definition_key"),
            rs.getString("activity_id"),
            rs.getString("business_key"),
            rs.getString("worker_id"),
            SqlValues.instant(rs, "lock_expires_at"),
            nullableRetries,
            rs.getString("error_message"),
            rs.getBytes("error_details"),
            rs.getLong("priority"),
            rs.getBoolean("suspended"),
            SqlValues.requiredInstant(rs, "created_at"),
            rs.getString("tenant_id"),
            rs.getLong("rev"));
      };

  private ExternalTaskRows() {}

  static ExternalTaskRow get(Connection connection, String id) throws SQLException {
    List<ExternalTaskRow> rows = select(connection, "id", id);
    if (rows.isEmpty()) {
      throw new NotFoundException("external task " + id + " not found");
    }
    return rows.get(0);
  }

  /** The task, which {@code workerId} must hold with an unexpired lock. */
  static ExternalTaskRow getLockedBy(CommandContext context, String id, String workerId)
      throws SQLException {
    ExternalTaskRow row = get(context.connection(), id);
    if (!row.lockedBy(workerId, context.now())) {
      throw new ConflictException(
          "external task "
              + id
              + " is not locked by worker '"
              + workerId
              + "' (locked by another worker, or the lock expired)");
    }
    return row;
  }

  static List<ExternalTaskRow> findByExecution(Connection connection, String executionId)
      throws SQLException {
    return select(connection, "execution_id", executionId);
  }

  private static List<ExternalTaskRow> select(Connection connection, String column, String value)
      throws SQLException {
    // column is a constant of this class, never caller input (E5).
    String sql = "SELECT " + COLUMNS + " FROM bw_external_task WHERE " + column + " = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rs = statement.executeQuery()) {
        List<ExternalTaskRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(MAPPER.map(rs));
        }
        return rows;
      }
    }
  }
}

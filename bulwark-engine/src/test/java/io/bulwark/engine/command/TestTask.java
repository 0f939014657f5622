package io.bulwark.engine.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A minimal row of {@code bw_task} for exercising the plumbing on the real schema. */
record TestTask(
    String id, String name, String assignee, int priority, Instant createdAt, long rev) {

  static final RowWriter<TestTask> WRITER =
      RowWriter.of(
          "bw_task",
          Versioning.OPTIMISTIC,
          TestTask::id,
          List.of("name", "assignee", "priority", "created_at"),
          row -> Arrays.asList(row.name(), row.assignee(), row.priority(), row.createdAt()));

  static final RowMapper<TestTask> MAPPER =
      rs ->
          new TestTask(
              rs.getString("id"),
              rs.getString("name"),
              rs.getString("assignee"),
              rs.getInt("priority"),
              SqlValues.instant(rs, "created_at"),
              rs.getLong("rev"));

  static Optional<TestTask> find(java.sql.Connection connection, String id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, name, assignee, priority, created_at, rev FROM bw_task WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(MAPPER.map(rs)) : Optional.empty();
      }
    }
  }

  TestTask renamed(String newName) {
    return new TestTask(id, newName, assignee, priority, createdAt, rev + 1);
  }
}

package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V24 and V25 on a database that already holds work: open tasks with their candidate links, and an
 * operation log. The links survive the dropped foreign key, and a link whose task is deleted is no
 * longer removed by the database (the engine removes it, see TaskLinksIT).
 */
class TaskLinksMigrationIT {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T10:15:30Z");

  @AutoClose private HikariDataSource dataSource;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void linksAndOperationsSurviveTheUpgradeAndTheForeignKeyIsGone(EngineDatabase database)
      throws SQLException {
    dataSource = database.open();
    migrate("23");
    try (Connection connection = dataSource.getConnection()) {
      task(connection, "t1");
      task(connection, "t2");
      link(connection, "l1", "t1");
      link(connection, "l2", "t2");
      operation(connection, "o1", "i1");
    }

    migrate("25");

    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "SELECT COUNT(*) FROM bw_task_identity_link")).isEqualTo(2);
      assertThat(
              count(
                  connection,
                  "SELECT COUNT(*) FROM bw_user_operation_log WHERE process_instance_id = 'i1'"))
          .isEqualTo(1);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM bw_task WHERE id = 't1'");
      }
      assertThat(count(connection, "SELECT COUNT(*) FROM bw_task_identity_link")).isEqualTo(2);
      link(connection, "l3", "no-such-task");
      assertThat(count(connection, "SELECT COUNT(*) FROM bw_task_identity_link")).isEqualTo(3);
    }
  }

  private void migrate(String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(Database.migrationLocations(dataSource))
        .target(target)
        .load()
        .migrate();
  }

  private static void task(Connection connection, String id) throws SQLException {
    insert(
        connection,
        "INSERT INTO bw_task (id, created_at, rev) VALUES (?, ?, 1)",
        id,
        NOW.toInstant());
  }

  private static void link(Connection connection, String id, String taskId) throws SQLException {
    insert(
        connection,
        "INSERT INTO bw_task_identity_link (id, task_id, group_id, link_type)"
            + " VALUES (?, ?, 'staff', 'candidate')",
        id,
        taskId);
  }

  private static void operation(Connection connection, String id, String instanceId)
      throws SQLException {
    insert(
        connection,
        "INSERT INTO bw_user_operation_log (id, occurred_at, operation, entity_type,"
            + " process_instance_id) VALUES (?, ?, 'Create', 'ProcessInstance', ?)",
        id,
        NOW.toInstant(),
        instanceId);
  }

  private static void insert(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        SqlValues.bind(insert, i + 1, values[i]);
      }
      insert.executeUpdate();
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

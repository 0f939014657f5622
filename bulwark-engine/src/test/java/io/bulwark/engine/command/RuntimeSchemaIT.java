package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same V10 migration runs on H2 (both modes) and PostgreSQL and its constraints hold. */
class RuntimeSchemaIT {

  private static final List<String> TABLES =
      List.of(
          "bw_deployment",
          "bw_resource",
          "bw_process_definition",
          "bw_execution",
          "bw_task",
          "bw_task_identity_link",
          "bw_variable",
          "bw_job",
          "bw_external_task",
          "bw_incident",
          "bw_event_subscription",
          "bw_hi_process_instance",
          "bw_hi_activity_instance",
          "bw_hi_task",
          "bw_hi_variable_update",
          "bw_user_operation_log");

  @AutoClose private HikariDataSource dataSource;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void migrationCreatesRuntimeAndHistoryTables(EngineDatabase database) throws SQLException {
    dataSource = database.open();
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();

    assertThat(result.success).isTrue();
    // Later migrations (V20 jobs, …) build on V10.
    assertThat(Integer.parseInt(result.targetSchemaVersion)).isGreaterThanOrEqualTo(10);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(tables(connection)).containsAll(TABLES);
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void resourceBytesRoundTripAndNamesAreUnique(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    byte[] bytes = new byte[70_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    try (Connection connection = dataSource.getConnection()) {
      insertDeployment(connection);
      insertResource(connection, "r1", bytes);
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT bytes FROM bw_resource WHERE id = ?")) {
        statement.setString(1, "r1");
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          assertThat(rs.getBytes(1)).isEqualTo(bytes);
        }
      }
      assertThatThrownBy(() -> insertResource(connection, "r2", new byte[] {1}))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23505");
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void identityLinkNamesExactlyOneUserOrGroup(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement task =
            connection.prepareStatement(
                "INSERT INTO bw_task (id, created_at, rev) VALUES ('t1', ?, 1)");
        PreparedStatement link =
            connection.prepareStatement(
                "INSERT INTO bw_task_identity_link (id, task_id, user_id, group_id, link_type,"
                    + " task_created_at) VALUES (?, 't1', ?, ?, 'CANDIDATE', ?)")) {
      SqlValues.bind(link, 4, Instant.now());
      SqlValues.bind(task, 1, Instant.now());
      task.executeUpdate();
      link.setString(1, "l1");
      link.setString(2, "alice");
      link.setString(3, "staff");
      assertThatThrownBy(link::executeUpdate).isInstanceOf(SQLException.class);
      link.setString(1, "l2");
      link.setString(2, null);
      link.setString(3, "staff");
      assertThat(link.executeUpdate()).isEqualTo(1);
    }
  }

  private static void insertDeployment(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO bw_deployment (id, name, content_hash, deployed_at)"
                + " VALUES ('d1', 'n', 'h', ?)")) {
      SqlValues.bind(statement, 1, Instant.now());
      statement.executeUpdate();
    }
  }

  private static void insertResource(Connection connection, String id, byte[] bytes)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO bw_resource (id, deployment_id, name, bytes) VALUES (?, 'd1', 'a.bpmn', ?)")) {
      statement.setString(1, id);
      statement.setBytes(2, bytes);
      statement.executeUpdate();
    }
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}

package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** V22 gives instances that were running before it their start time from the history. */
class InstanceQueriesMigrationIT {

  private static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-03-01T10:15:30Z");

  @AutoClose private HikariDataSource dataSource;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void runningRootsGetTheirStartTimeFromHistory(EngineDatabase database) throws SQLException {
    dataSource = database.open();
    migrate("21");
    try (Connection connection = dataSource.getConnection()) {
      execution(connection, "root", null);
      execution(connection, "child", "root");
      try (PreparedStatement history =
          connection.prepareStatement(
              "INSERT INTO bw_hi_process_instance (id, process_definition_id,"
                  + " process_definition_key, started_at, state) VALUES (?, 'd', 'k', ?, 'ACTIVE')")) {
        history.setString(1, "root");
        history.setObject(2, STARTED);
        history.executeUpdate();
      }
    }

    migrate("22");

    try (Connection connection = dataSource.getConnection();
        PreparedStatement read =
            connection.prepareStatement("SELECT id, started_at FROM bw_execution ORDER BY id");
        ResultSet rs = read.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("child");
      assertThat(rs.getObject(2, OffsetDateTime.class)).isNull();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("root");
      assertThat(rs.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(STARTED.toInstant());
    }
  }

  private void migrate(String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  private static void execution(Connection connection, String id, String parentId)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO bw_execution (id, process_instance_id, parent_id, process_definition_id,"
                + " is_active, is_concurrent, is_scope, rev)"
                + " VALUES (?, 'root', ?, 'd', TRUE, FALSE, TRUE, 1)")) {
      insert.setString(1, id);
      insert.setString(2, parentId);
      insert.executeUpdate();
    }
  }
}

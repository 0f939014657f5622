package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V23 (db/dialect): on PostgreSQL, the indexes of mostly-NULL columns leave those rows out, and the
 * lookups the engine makes still use them; on H2, which has no partial indexes, they stay full.
 */
class PartialIndexesIT {

  /** Each sparse index with a lookup of the shape the engine's queries use. */
  private record Lookup(String index, String sql, int parameters) {}

  private static final List<Lookup> LOOKUPS =
      List.of(
          new Lookup(
              "bw_execution_business_key", "SELECT id FROM bw_execution WHERE business_key = ?", 1),
          new Lookup(
              "bw_execution_super", "SELECT id FROM bw_execution WHERE super_execution_id = ?", 1),
          new Lookup(
              "bw_execution_definition",
              "SELECT id FROM bw_execution e WHERE e.parent_id IS NULL AND e.process_definition_id = ?",
              1),
          new Lookup(
              "bw_task_assignee",
              "SELECT id FROM bw_task WHERE assignee = ? ORDER BY created_at",
              1),
          new Lookup(
              "bw_task_identity_link_user",
              "SELECT task_id FROM bw_task_identity_link WHERE user_id = ? AND link_type = ?",
              2),
          new Lookup(
              "bw_task_identity_link_group",
              "SELECT task_id FROM bw_task_identity_link WHERE group_id = ? AND link_type = ?",
              2),
          new Lookup(
              "bw_hi_process_instance_business_key",
              "SELECT id FROM bw_hi_process_instance WHERE business_key = ?",
              1),
          new Lookup("bw_hi_task_assignee", "SELECT id FROM bw_hi_task WHERE assignee = ?", 1));

  @AutoClose private HikariDataSource dataSource;

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "POSTGRESQL")
  void postgresqlLeavesRowsWithoutAValueOutAndTheEngineLookupsStillUseTheIndex(
      EngineDatabase database) throws SQLException {
    dataSource = database.create();
    try (Connection connection = dataSource.getConnection()) {
      for (Lookup lookup : LOOKUPS) {
        assertThat(definition(connection, lookup.index())).as(lookup.index()).contains(" WHERE ");
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET enable_seqscan = off");
      }
      for (Lookup lookup : LOOKUPS) {
        assertThat(plan(connection, lookup)).as(lookup.sql()).contains(lookup.index());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "H2_POSTGRESQL_MODE"})
  void h2KeepsTheFullIndexes(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    List<String> indexes = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery("SELECT index_name FROM information_schema.indexes")) {
      while (rs.next()) {
        indexes.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }

    assertThat(indexes).containsAll(LOOKUPS.stream().map(Lookup::index).toList());
  }

  private static String definition(Connection connection, String index) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT indexdef FROM pg_indexes WHERE indexname = ?")) {
      statement.setString(1, index);
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).as(index).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static String plan(Connection connection, Lookup lookup) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + lookup.sql())) {
      for (int i = 1; i <= lookup.parameters(); i++) {
        statement.setString(i, "value-" + i);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }
}

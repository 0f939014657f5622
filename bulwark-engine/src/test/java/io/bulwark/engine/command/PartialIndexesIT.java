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
 * V23 and V25 (db/dialect): on PostgreSQL, the indexes of mostly-NULL columns leave those rows out,
 * and the lookups the engine makes still use them; on H2, which has no partial indexes, they stay
 * full. V24: the history indexes match the history queries on both.
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
          new Lookup("bw_hi_task_assignee", "SELECT id FROM bw_hi_task WHERE assignee = ?", 1),
          new Lookup(
              "bw_hi_process_instance_ended",
              "SELECT id FROM bw_hi_process_instance h"
                  + " WHERE h.ended_at >= TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'",
              0));

  /** PostgreSQL only: the runtime instance query's first page, roots in start order (V25). */
  private static final Lookup ROOTS =
      new Lookup(
          "bw_execution_roots",
          "SELECT e.id FROM bw_execution e WHERE e.parent_id IS NULL"
              + " ORDER BY e.started_at, e.id LIMIT 50",
          0);

  /** Both databases: an instance's operations, oldest first (V24). */
  private static final Lookup OPERATIONS =
      new Lookup(
          "bw_user_operation_log_instance",
          "SELECT h.id FROM bw_user_operation_log h WHERE h.process_instance_id = ?"
              + " ORDER BY h.occurred_at, h.id",
          1);

  /** Indexes no query used, gone since V24 (V25 on PostgreSQL for bw_execution_parent). */
  private static final List<String> DROPPED =
      List.of(
          "bw_hi_process_instance_definition",
          "bw_hi_variable_update_variable",
          "bw_user_operation_log_entity",
          "bw_user_operation_log_time");

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
      assertThat(definition(connection, ROOTS.index())).contains(" WHERE (parent_id IS NULL)");
      assertThat(indexes(connection))
          .doesNotContainAnyElementsOf(DROPPED)
          .doesNotContain("bw_execution_parent");
      try (Statement statement = connection.createStatement()) {
        // Root executions of 100 definitions, so that the planner tells the two indexes of roots
        // (by definition, by start time) apart as it would on a real table.
        statement.execute(
            "INSERT INTO bw_execution (id, process_instance_id, process_definition_id, is_active,"
                + " is_concurrent, is_scope, rev, started_at)"
                + " SELECT 'e' || g, 'e' || g, 'd' || (g % 100), TRUE, FALSE, TRUE, 1, now()"
                + " FROM generate_series(1, 2000) g");
        statement.execute("ANALYZE bw_execution");
        statement.execute("SET enable_seqscan = off");
      }
      for (Lookup lookup : LOOKUPS) {
        assertThat(plan(connection, lookup)).as(lookup.sql()).contains(lookup.index());
      }
      assertThat(plan(connection, ROOTS)).contains(ROOTS.index());
      assertThat(plan(connection, OPERATIONS)).contains(OPERATIONS.index());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "H2_POSTGRESQL_MODE"})
  void h2KeepsTheFullIndexes(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    List<String> indexes;
    try (Connection connection = dataSource.getConnection()) {
      indexes = indexes(connection);
    }

    assertThat(indexes)
        .containsAll(LOOKUPS.stream().map(Lookup::index).toList())
        .contains("bw_execution_parent", OPERATIONS.index())
        .doesNotContainAnyElementsOf(DROPPED);
  }

  private static List<String> indexes(Connection connection) throws SQLException {
    List<String> indexes = new ArrayList<>();
    String sql =
        connection.getMetaData().getDatabaseProductName().equals("H2")
            ? "SELECT index_name FROM information_schema.indexes"
            : "SELECT indexname FROM pg_indexes";
    try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        indexes.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return indexes;
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

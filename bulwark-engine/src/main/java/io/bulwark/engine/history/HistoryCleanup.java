package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds and removes the history of ended process instances that is past its retention (D5). An
 * instance's retention is its definition's {@code camunda:historyTimeToLive} (kept in {@code
 * bw_history_retention} at deployment) or else the engine's default; it counts from the instance's
 * end. Each call works inside the caller's transaction and removes at most one batch.
 */
final class HistoryCleanup {

  /** Tables whose rows of an instance go with its history, children before the instance row. */
  private static final List<String> INSTANCE_TABLES =
      List.of(
          "bw_hi_activity_instance",
          "bw_hi_task",
          "bw_hi_variable_update",
          "bw_user_operation_log",
          "bw_task_comment",
          "bw_hi_task_candidate",
          "bw_hi_incident",
          "bw_hi_decision_value",
          "bw_hi_decision_instance");

  private static final String DEFAULT_OVERDUE =
      "SELECT h.id FROM bw_hi_process_instance h LEFT JOIN bw_history_retention r"
          + " ON r.id = h.process_definition_id"
          + " WHERE r.id IS NULL AND h.ended_at < ? ORDER BY h.ended_at LIMIT ?";

  private static final String OWN_OVERDUE =
      "SELECT h.id FROM bw_hi_process_instance h JOIN bw_history_retention r"
          + " ON r.id = h.process_definition_id"
          + " WHERE r.ttl_days = ? AND h.ended_at < ? ORDER BY h.ended_at LIMIT ?";

  /** Decisions evaluated outside a process: the engine's default retention, from evaluation. */
  private static final String DECISIONS_OVERDUE =
      "SELECT h.id FROM bw_hi_decision_instance h WHERE h.process_instance_id IS NULL"
          + " AND h.evaluated_at < ? ORDER BY h.evaluated_at LIMIT ?";

  private static final String TIMES_TO_LIVE =
      "SELECT DISTINCT ttl_days FROM bw_history_retention ORDER BY ttl_days";

  private HistoryCleanup() {}

  /**
   * The IDs of up to {@code limit} ended instances whose history is past its retention at {@code
   * now}, oldest end first within each retention.
   */
  static List<String> overdue(
      Connection connection, Instant now, HistoryRetentionSettings settings, int limit)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    collect(connection, DEFAULT_OVERDUE, List.of(now.minus(settings.retention())), limit, ids);
    for (int days : timesToLive(connection)) {
      if (ids.size() >= limit) {
        break;
      }
      collect(
          connection,
          OWN_OVERDUE,
          List.of(days, now.minus(Duration.ofDays(days))),
          limit - ids.size(),
          ids);
    }
    return ids;
  }

  /** Removes the history of these instances, every table in one statement; returns how many. */
  static int remove(Connection connection, List<String> instanceIds) throws SQLException {
    if (instanceIds.isEmpty()) {
      return 0;
    }
    String in = String.join(",", Collections.nCopies(instanceIds.size(), "?"));
    for (String table : INSTANCE_TABLES) {
      update(
          connection,
          "DELETE FROM " + table + " WHERE process_instance_id IN (" + in + ")",
          instanceIds);
    }
    return update(
        connection,
        "DELETE FROM bw_hi_process_instance WHERE ended_at IS NOT NULL AND id IN (" + in + ")",
        instanceIds);
  }

  /**
   * Removes up to {@code limit} decisions evaluated outside a process (the decision API) whose
   * evaluation is older than the default retention at {@code now}, with their inputs and outputs;
   * returns how many.
   */
  static int removeDecisions(
      Connection connection, Instant now, HistoryRetentionSettings settings, int limit)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    collect(connection, DECISIONS_OVERDUE, List.of(now.minus(settings.retention())), limit, ids);
    if (ids.isEmpty()) {
      return 0;
    }
    String in = String.join(",", Collections.nCopies(ids.size(), "?"));
    update(
        connection,
        "DELETE FROM bw_hi_decision_value WHERE decision_instance_id IN (" + in + ")",
        ids);
    return update(connection, "DELETE FROM bw_hi_decision_instance WHERE id IN (" + in + ")", ids);
  }

  private static List<Integer> timesToLive(Connection connection) throws SQLException {
    List<Integer> days = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(TIMES_TO_LIVE);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        days.add(rows.getInt(1));
      }
    }
    return days;
  }

  private static void collect(
      Connection connection, String sql, List<Object> parameters, int limit, List<String> into)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object parameter : parameters) {
        SqlValues.bind(select, index++, parameter);
      }
      select.setInt(index, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          into.add(rows.getString(1));
        }
      }
    }
  }

  private static int update(Connection connection, String sql, List<String> ids)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        delete.setString(i + 1, ids.get(i));
      }
      return delete.executeUpdate();
    }
  }
}

package io.bulwark.engine.externaltask;

import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The variables an external task's execution sees: its own and those of its parent executions up to
 * the process instance, the nearest scope winning (Camunda 7 semantics).
 */
final class TaskVariables {

  /** Nesting deeper than this is refused as a corrupt parent chain. */
  private static final int MAX_DEPTH = 64;

  private static final String PARENT = "SELECT parent_id FROM bw_execution WHERE id = ?";
  private static final String BY_SCOPE =
      "SELECT " + VariableRows.COLUMNS + " FROM bw_variable WHERE scope_id = ?";

  private TaskVariables() {}

  /** The visible variables, only {@code names} when not {@code null}. */
  static Map<String, TypedValue> visible(
      Connection connection,
      String executionId,
      @Nullable List<String> names,
      SensitiveFields sensitive)
      throws SQLException {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    if (names != null && names.isEmpty()) {
      return result;
    }
    String scope = executionId;
    for (int depth = 0; scope != null && depth < MAX_DEPTH; depth++) {
      for (VariableRow row : scopeRows(connection, scope)) {
        if ((names == null || names.contains(row.name())) && !result.containsKey(row.name())) {
          result.put(row.name(), sensitive.valueOf(row));
        }
      }
      scope = parent(connection, scope);
    }
    return result;
  }

  /** The variables of the execution's own scope only, only {@code names} when not {@code null}. */
  static Map<String, TypedValue> local(
      Connection connection,
      String executionId,
      @Nullable List<String> names,
      SensitiveFields sensitive)
      throws SQLException {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    if (names != null && names.isEmpty()) {
      return result;
    }
    for (VariableRow row : scopeRows(connection, executionId)) {
      if (names == null || names.contains(row.name())) {
        result.put(row.name(), sensitive.valueOf(row));
      }
    }
    return result;
  }

  private static List<VariableRow> scopeRows(Connection connection, String scopeId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(BY_SCOPE)) {
      statement.setString(1, scopeId);
      try (ResultSet rs = statement.executeQuery()) {
        List<VariableRow> rows = new java.util.ArrayList<>();
        while (rs.next()) {
          rows.add(VariableRows.MAPPER.map(rs));
        }
        return rows;
      }
    }
  }

  private static @Nullable String parent(Connection connection, String executionId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(PARENT)) {
      statement.setString(1, executionId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}

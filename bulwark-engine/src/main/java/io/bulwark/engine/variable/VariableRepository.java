package io.bulwark.engine.variable;

import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the variables of a scope and registers their changes in a command's unit of work, applying
 * the per-scope count limit (W11). Used by the task and instance commands; performs no
 * authorization check itself (the calling command declared it).
 */
public final class VariableRepository {

  private static final String BY_SCOPE =
      "SELECT " + VariableRows.COLUMNS + " FROM bw_variable WHERE scope_id = ? ORDER BY name";

  private static final String EXECUTION_SCOPES_OF_INSTANCE =
      "SELECT "
          + VariableRows.COLUMNS
          + " FROM bw_variable WHERE process_instance_id = ? AND scope_type = 'EXECUTION'"
          + " ORDER BY name";

  private final VariableValues values;
  private final SensitiveFields sensitive;

  public VariableRepository(VariableValues values, SensitiveFields sensitive) {
    this.values = values;
    this.sensitive = sensitive;
  }

  /** The rows of one scope, by name. */
  public Map<String, VariableRow> findByScope(Connection connection, String scopeId)
      throws SQLException {
    Map<String, VariableRow> rows = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(BY_SCOPE)) {
      statement.setString(1, scopeId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          VariableRow row = VariableRows.MAPPER.map(rs);
          rows.put(row.name(), row);
        }
      }
    }
    return rows;
  }

  /**
   * Every execution-scoped row of a process instance: its process variables and the local variables
   * of its executions (task variables are not included).
   */
  public List<VariableRow> findExecutionScopes(Connection connection, String processInstanceId)
      throws SQLException {
    List<VariableRow> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(EXECUTION_SCOPES_OF_INSTANCE)) {
      statement.setString(1, processInstanceId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(VariableRows.MAPPER.map(rs));
        }
      }
    }
    return rows;
  }

  /**
   * Sets variables of a scope from Java values: converts and validates each one, refuses the whole
   * change if the scope would exceed its count, then registers inserts and updates (checked against
   * the revision read here). Names that are sensitive (in the engine's list or {@code
   * sensitiveNames}, the process model's) are sealed (D1). Returns the rows as they will be after
   * the flush.
   */
  public List<VariableRow> setAll(
      CommandContext context,
      VariableScope scope,
      Map<String, ?> newValues,
      java.util.Set<String> sensitiveNames)
      throws SQLException {
    Map<String, TypedValue> typed = new LinkedHashMap<>();
    newValues.forEach((name, value) -> typed.put(name, values.fromJava(name, value)));
    Map<String, VariableRow> existing = findByScope(context.connection(), scope.id());
    long added = typed.keySet().stream().filter(name -> !existing.containsKey(name)).count();
    values.checkCount(scope.id(), Math.toIntExact(existing.size() + added));
    UnitOfWork unitOfWork = context.unitOfWork();
    List<VariableRow> result = new ArrayList<>();
    for (Map.Entry<String, TypedValue> entry : typed.entrySet()) {
      VariableRow current = existing.get(entry.getKey());
      if (current == null) {
        VariableRow row =
            sensitive.protect(
                VariableRows.toRow(RowIds.next(), scope, entry.getKey(), entry.getValue(), 1),
                sensitiveNames);
        unitOfWork.insert(VariableRows.WRITER, row);
        result.add(row);
      } else {
        VariableRow row =
            sensitive.protect(
                VariableRows.toRow(
                    current.id(), scope, entry.getKey(), entry.getValue(), current.rev() + 1),
                sensitiveNames);
        unitOfWork.update(VariableRows.WRITER, row, current.rev());
        result.add(row);
      }
    }
    return result;
  }
}

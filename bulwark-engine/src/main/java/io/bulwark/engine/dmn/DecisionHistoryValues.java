package io.bulwark.engine.dmn;

import io.bulwark.engine.api.HistoricDecisionInstance;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.variable.JavaValues;
import io.bulwark.engine.variable.ScopeType;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.ValueType;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the inputs and outputs of a page of decision instances in one statement, when the query
 * asks for them. A masked value is answered as its type only (D1). The instances were found through
 * the authorized list query; their values are read by their IDs.
 */
final class DecisionHistoryValues {

  private static final String SELECT =
      "SELECT v.id, v.decision_instance_id, v.kind, v.clause_id, v.clause_name, v.rule_id,"
          + " v.rule_order, v.variable_name, v.value_type, v.text_value, v.long_value,"
          + " v.double_value, v.bytes_value, v.masked, v.error_message, v.created_at"
          + " FROM bw_hi_decision_value v WHERE v.decision_instance_id IN (";

  private DecisionHistoryValues() {}

  /** The instances of a page with their inputs and outputs as {@code details} asks. */
  static List<HistoricDecisionInstance> attach(
      Connection connection,
      JavaValues javaValues,
      List<HistoricDecisionInstance> page,
      HistoricDecisionInstanceQuery.Details details)
      throws SQLException {
    if (page.isEmpty() || (!details.inputs() && !details.outputs())) {
      return page;
    }
    Map<String, List<HistoricDecisionInstance.Input>> inputs = new HashMap<>();
    Map<String, List<HistoricDecisionInstance.Output>> outputs = new HashMap<>();
    String sql =
        SELECT
            + String.join(", ", Collections.nCopies(page.size(), "?"))
            + ") ORDER BY v.decision_instance_id, v.kind, v.position";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < page.size(); i++) {
        statement.setString(i + 1, page.get(i).id());
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String decision = rs.getString(2);
          Object value = value(rs, javaValues);
          if ("output".equals(rs.getString(3))) {
            outputs
                .computeIfAbsent(decision, d -> new ArrayList<>())
                .add(
                    new HistoricDecisionInstance.Output(
                        rs.getString(1),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        SqlValues.nullableInt(rs, "rule_order"),
                        rs.getString(8),
                        value,
                        rs.getString(15),
                        SqlValues.requiredInstant(rs, "created_at")));
          } else {
            inputs
                .computeIfAbsent(decision, d -> new ArrayList<>())
                .add(
                    new HistoricDecisionInstance.Input(
                        rs.getString(1),
                        rs.getString(4),
                        rs.getString(5),
                        value,
                        rs.getString(15),
                        SqlValues.requiredInstant(rs, "created_at")));
          }
        }
      }
    }
    List<HistoricDecisionInstance> result = new ArrayList<>();
    for (HistoricDecisionInstance h : page) {
      result.add(
          new HistoricDecisionInstance(
              h.id(),
              h.decisionDefinitionId(),
              h.decisionDefinitionKey(),
              h.decisionDefinitionName(),
              h.decisionDefinitionVersion(),
              h.evaluatedAt(),
              h.processDefinitionId(),
              h.processDefinitionKey(),
              h.processInstanceId(),
              h.activityId(),
              h.activityInstanceId(),
              h.tenantId(),
              h.userId(),
              h.rootDecisionInstanceId(),
              h.collectResultValue(),
              details.inputs() ? inputs.getOrDefault(h.id(), List.of()) : null,
              details.outputs() ? outputs.getOrDefault(h.id(), List.of()) : null));
    }
    return result;
  }

  /** The stored value as callers see it, or the mask when it was not stored (D1). */
  private static @Nullable Object value(ResultSet rs, JavaValues javaValues) throws SQLException {
    ValueType type = ValueType.valueOf(rs.getString(9));
    if (rs.getBoolean(14)) {
      return SensitiveFields.masked(type);
    }
    String id = rs.getString(1);
    VariableRow row =
        new VariableRow(
            id,
            id,
            ScopeType.EXECUTION,
            id,
            "decisionValue",
            type,
            rs.getString(10),
            SqlValues.nullableLong(rs, "long_value"),
            SqlValues.nullableDouble(rs, "double_value"),
            rs.getBytes(13),
            1,
            null);
    return javaValues.toJava("decisionValue", VariableRows.toValue(row));
  }
}

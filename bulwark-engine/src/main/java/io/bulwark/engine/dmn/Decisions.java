package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.bpmn.model.BusinessRuleTask;
import io.bulwark.engine.expression.ExpressionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the decision a business rule task names (latest version of its key, the version deployed
 * with the process, or a fixed version), reads it from its stored resource once per decision
 * definition, and evaluates it. Decision definitions never change, so the parsed decisions are
 * cached by definition ID (dropped when the cache is full, which bounds it).
 */
public final class Decisions {

  static final int MAX_CACHED = 1_000;

  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  /**
   * Evaluates the decision of {@code task} for a process of {@code deploymentId}.
   *
   * @return the result mapped by the task's {@code mapDecisionResult}
   * @throws DecisionException naming the decision and the reason
   */
  public @Nullable Object evaluate(
      Connection connection,
      BusinessRuleTask task,
      String deploymentId,
      Map<String, Object> variables)
      throws SQLException {
    DmnDecisionResult result = run(find(connection, task, deploymentId), variables);
    try {
      return DecisionResults.map(result, task.mapDecisionResult());
    } catch (DecisionException e) {
      throw new DecisionException(
          "decision " + task.decisionKey() + " result: " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates a decision definition outside a process (the decision API): Camunda's result list,
   * one map of output name to value per matched rule.
   *
   * @throws DecisionException naming the decision and the reason
   */
  public List<Map<String, Object>> evaluate(
      Connection connection, DecisionDefinition definition, Map<String, Object> variables)
      throws SQLException {
    DmnDecision cached = parsed.get(definition.id());
    DmnDecision decision =
        cached != null
            ? cached
            : load(
                connection,
                definition.id(),
                definition.key(),
                definition.deploymentId(),
                definition.resourceName());
    return run(decision, variables).getResultList();
  }

  private static DmnDecisionResult run(DmnDecision decision, Map<String, Object> variables) {
    try {
      return DecisionEngine.evaluate(decision, variables);
    } catch (DmnEngineException | ExpressionException e) {
      throw new DecisionException(
          "decision " + decision.getKey() + " failed: " + e.getMessage(), e);
    }
  }

  private DmnDecision find(Connection connection, BusinessRuleTask task, String deploymentId)
      throws SQLException {
    String key = task.decisionKey();
    String sql =
        "SELECT d.id, d.resource_name, d.deployment_id FROM bw_decision_definition d"
            + " WHERE d.def_key = ?";
    Object parameter = null;
    String missing = "no decision with key " + key + " is deployed";
    switch (task.binding()) {
      case DEPLOYMENT -> {
        sql += " AND d.deployment_id = ?";
        parameter = deploymentId;
        missing = "decision " + key + " is not part of deployment " + deploymentId;
      }
      case VERSION -> {
        sql += " AND d.version = ?";
        parameter = Integer.valueOf(task.versionValue());
        missing = "decision " + key + " has no version " + task.versionValue();
      }
      default -> {
        // latest
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(sql + " ORDER BY d.version DESC")) {
      statement.setMaxRows(1);
      statement.setString(1, key);
      if (parameter != null) {
        statement.setObject(2, parameter);
      }
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new DecisionException(missing);
        }
        String id = rs.getString(1);
        DmnDecision cached = parsed.get(id);
        return cached != null
            ? cached
            : load(connection, id, key, rs.getString(3), rs.getString(2));
      }
    }
  }

  private DmnDecision load(
      Connection connection, String id, @Nullable String key, String deploymentId, String resource)
      throws SQLException {
    byte[] bytes;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT bytes FROM bw_resource WHERE deployment_id = ? AND name = ?")) {
      statement.setString(1, deploymentId);
      statement.setString(2, resource);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new DecisionException("resource " + resource + " of decision " + key + " is gone");
        }
        bytes = rs.getBytes(1);
      }
    }
    DmnDecision decision =
        DecisionEngine.parse(bytes).stream()
            .filter(d -> d.getKey().equals(key))
            .findFirst()
            .orElseThrow(() -> new DecisionException("decision " + key + " is not in " + resource));
    if (parsed.size() >= MAX_CACHED) {
      parsed.clear();
    }
    parsed.put(id, decision);
    return decision;
  }
}

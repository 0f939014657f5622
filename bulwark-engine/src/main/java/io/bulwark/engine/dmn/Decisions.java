package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.HistoryLevel;
import io.bulwark.engine.bpmn.model.BusinessRuleTask;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.VariableValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the decision a business rule task names (latest version of its key, the version deployed
 * with the process, or a fixed version), reads it from its stored resource once per decision
 * definition, and evaluates it. Decision definitions never change, so the parsed decisions are
 * cached by definition ID (dropped when the cache is full, which bounds it). Every evaluation is
 * written to the decision history when the history level is AUDIT or FULL ({@link
 * DecisionHistory}), in the caller's command.
 */
public final class Decisions {

  static final int MAX_CACHED = 1_000;

  private static final String DEFINITION_COLUMNS =
      "SELECT d.id, d.def_key, d.version, d.name, d.deployment_id, d.resource_name, d.tenant_id"
          + " FROM bw_decision_definition d";

  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
  private final HistoryLevel level;
  private final DecisionHistory history;
  private final SensitiveFields sensitive;

  /**
   * @param level the engine's history level: decisions are recorded at AUDIT and FULL
   * @param values the variable checks that decision values pass before history keeps them
   * @param sensitive which input names of a decision evaluated outside a process are sensitive
   */
  public Decisions(HistoryLevel level, VariableValues values, SensitiveFields sensitive) {
    this.level = level;
    this.history = new DecisionHistory(values);
    this.sensitive = sensitive;
  }

  /**
   * Evaluates the decision of {@code task} for a process of {@code deploymentId} and records it.
   *
   * @return the result mapped by the task's {@code mapDecisionResult}
   * @throws DecisionException naming the decision and the reason
   */
  public @Nullable Object evaluate(
      CommandContext context,
      BusinessRuleTask task,
      String deploymentId,
      Map<String, Object> variables,
      DecisionOrigin origin)
      throws SQLException {
    DecisionDefinition definition = find(context.connection(), task, deploymentId);
    DmnDecisionResult result = run(context, definition, variables, origin);
    try {
      return DecisionResults.map(result, task.mapDecisionResult());
    } catch (DecisionException e) {
      throw new DecisionException(
          "decision " + task.decisionKey() + " result: " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates a decision definition outside a process (the decision API) and records it: Camunda's
   * result list, one map of output name to value per matched rule.
   *
   * @throws DecisionException naming the decision and the reason
   */
  List<Map<String, Object>> evaluate(
      CommandContext context, DecisionDefinition definition, Map<String, Object> variables)
      throws SQLException {
    Set<String> names = new HashSet<>();
    for (String name : variables.keySet()) {
      if (sensitive.isSensitive(name, Set.of())) {
        names.add(name);
      }
    }
    return run(context, definition, variables, DecisionOrigin.outside(names)).getResultList();
  }

  private DmnDecisionResult run(
      CommandContext context,
      DecisionDefinition definition,
      Map<String, Object> variables,
      DecisionOrigin origin)
      throws SQLException {
    DmnDecision cached = parsed.get(definition.id());
    DmnDecision decision =
        cached != null
            ? cached
            : load(
                context.connection(),
                definition.id(),
                definition.key(),
                definition.deploymentId(),
                definition.resourceName());
    DecisionEngine.Evaluation evaluation = run(decision, variables);
    if (level.includes(HistoryLevel.AUDIT)) {
      history.record(
          context,
          origin,
          definition,
          evaluation.event(),
          deployment -> ofDeployment(context.connection(), deployment));
    }
    return evaluation.result();
  }

  private static DecisionEngine.Evaluation run(
      DmnDecision decision, Map<String, Object> variables) {
    try {
      return DecisionEngine.evaluate(decision, variables);
    } catch (DmnEngineException | ExpressionException e) {
      throw new DecisionException(
          "decision " + decision.getKey() + " failed: " + e.getMessage(), e);
    }
  }

  private static DecisionDefinition find(
      Connection connection, BusinessRuleTask task, String deploymentId) throws SQLException {
    String key = task.decisionKey();
    String sql = DEFINITION_COLUMNS + " WHERE d.def_key = ?";
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
        return DecisionQueries.DEFINITION.map(rs);
      }
    }
  }

  /** The decision definitions of one deployment by key: those a DRD's root may require. */
  private static Map<String, DecisionDefinition> ofDeployment(
      Connection connection, String deploymentId) throws SQLException {
    Map<String, DecisionDefinition> byKey = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(DEFINITION_COLUMNS + " WHERE d.deployment_id = ?")) {
      statement.setString(1, deploymentId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          DecisionDefinition definition = DecisionQueries.DEFINITION.map(rs);
          byKey.put(definition.key(), definition);
        }
      }
    }
    return byKey;
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

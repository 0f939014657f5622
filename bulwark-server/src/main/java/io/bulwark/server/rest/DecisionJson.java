package io.bulwark.server.rest;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Camunda's JSON shapes of the decision definition resource. */
final class DecisionJson {

  private DecisionJson() {}

  /**
   * Camunda's {@code DecisionDefinitionDto}. Bulwark has no decision requirements definitions,
   * categories, version tags or per-definition history time to live: those members are null.
   */
  record DefinitionJson(
      @Nullable String id,
      @Nullable String key,
      @Nullable String category,
      @Nullable String name,
      int version,
      @Nullable String resource,
      @Nullable String deploymentId,
      @Nullable String tenantId,
      @Nullable String decisionRequirementsDefinitionId,
      @Nullable String decisionRequirementsDefinitionKey,
      @Nullable Integer historyTimeToLive,
      @Nullable String versionTag) {

    static DefinitionJson of(DecisionDefinition d) {
      return new DefinitionJson(
          d.id(),
          d.key(),
          null,
          d.name(),
          d.version(),
          d.resourceName(),
          d.deploymentId(),
          d.tenantId(),
          null,
          null,
          null,
          null);
    }
  }

  /** Camunda's {@code DecisionDefinitionDiagramDto}: the answer of {@code …/xml}. */
  record DiagramJson(@Nullable String id, @Nullable String dmnXml) {}

  /** Camunda's {@code EvaluateDecisionDto}: the inputs in Camunda's typed variable format. */
  record EvaluateJson(Map<String, JsonNode> variables) {}

  /** Camunda's evaluation answer: one map of output name to typed value per matched rule. */
  static List<Map<String, VariableValueJson>> results(List<Map<String, Object>> results) {
    return results.stream().map(VariableJson::toCamunda).toList();
  }
}

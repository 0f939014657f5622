package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One evaluated decision (Camunda's historic decision instance): from a business rule task (with
 * its process instance and activity) or from the decision API (with the user who evaluated it). A
 * decision required by another one in the same evaluation names the first in {@code
 * rootDecisionInstanceId}. Inputs and outputs are null unless the query asked for them; a value
 * that may come from a sensitive variable is a {@link SensitiveValue} (D1).
 *
 * @param collectResultValue the aggregated result of a COLLECT table with SUM, MIN, MAX or COUNT
 */
public record HistoricDecisionInstance(
    String id,
    String decisionDefinitionId,
    String decisionDefinitionKey,
    @Nullable String decisionDefinitionName,
    int decisionDefinitionVersion,
    Instant evaluatedAt,
    @Nullable String processDefinitionId,
    @Nullable String processDefinitionKey,
    @Nullable String processInstanceId,
    @Nullable String activityId,
    @Nullable String activityInstanceId,
    @Nullable String tenantId,
    @Nullable String userId,
    @Nullable String rootDecisionInstanceId,
    @Nullable Double collectResultValue,
    @Nullable List<Input> inputs,
    @Nullable List<Output> outputs) {

  /**
   * One input clause's value. {@code value} is the Java value (String, Boolean, Long, Double,
   * Instant, Map/List for JSON, byte[] or null), or a {@link SensitiveValue}; {@code errorMessage}
   * says why a value of no variable type was not kept.
   */
  public record Input(
      String id,
      @Nullable String clauseId,
      @Nullable String clauseName,
      @Nullable Object value,
      @Nullable String errorMessage,
      Instant createdAt) {}

  /** One output entry of a matched rule (or a literal expression's result), as {@link Input}. */
  public record Output(
      String id,
      @Nullable String clauseId,
      @Nullable String clauseName,
      @Nullable String ruleId,
      @Nullable Integer ruleOrder,
      @Nullable String variableName,
      @Nullable Object value,
      @Nullable String errorMessage,
      Instant createdAt) {}
}

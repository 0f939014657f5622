package io.bulwark.engine.dmn;

import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.Versioning;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rows of the decision history and their writers; written once, never updated. */
final class DecisionHistoryRows {

  record InstanceRow(
      String id,
      String definitionId,
      String definitionKey,
      @Nullable String definitionName,
      int version,
      @Nullable String tenantId,
      Instant evaluatedAt,
      DecisionOrigin origin,
      @Nullable String rootDecisionInstanceId,
      @Nullable String userId,
      @Nullable Double collectResultValue) {}

  /** An input ({@code output} false) or output value; see V310 for the columns. */
  record ValueRow(
      String id,
      String decisionInstanceId,
      @Nullable String processInstanceId,
      boolean output,
      int position,
      @Nullable String clauseId,
      @Nullable String clauseName,
      @Nullable String ruleId,
      @Nullable Integer ruleOrder,
      @Nullable String variableName,
      String valueType,
      @Nullable String textValue,
      @Nullable Long longValue,
      @Nullable Double doubleValue,
      byte @Nullable [] bytesValue,
      boolean masked,
      @Nullable String errorMessage,
      Instant createdAt) {}

  static final RowWriter<InstanceRow> INSTANCE =
      RowWriter.of(
          "bw_hi_decision_instance",
          Versioning.NONE,
          InstanceRow::id,
          List.of(
              "decision_definition_id",
              "decision_definition_key",
              "decision_definition_name",
              "decision_version",
              "tenant_id",
              "evaluated_at",
              "process_definition_id",
              "process_definition_key",
              "process_instance_id",
              "started_by",
              "activity_id",
              "activity_instance_id",
              "root_decision_instance_id",
              "user_id",
              "collect_result_value"),
          r ->
              Arrays.asList(
                  r.definitionId(),
                  r.definitionKey(),
                  r.definitionName(),
                  r.version(),
                  r.tenantId(),
                  r.evaluatedAt(),
                  r.origin().processDefinitionId(),
                  r.origin().processDefinitionKey(),
                  r.origin().processInstanceId(),
                  r.origin().startedBy(),
                  r.origin().activityId(),
                  r.origin().activityInstanceId(),
                  r.rootDecisionInstanceId(),
                  r.userId(),
                  r.collectResultValue()));

  static final RowWriter<ValueRow> VALUE =
      RowWriter.of(
          "bw_hi_decision_value",
          Versioning.NONE,
          ValueRow::id,
          List.of(
              "decision_instance_id",
              "process_instance_id",
              "kind",
              "position",
              "clause_id",
              "clause_name",
              "rule_id",
              "rule_order",
              "variable_name",
              "value_type",
              "text_value",
              "long_value",
              "double_value",
              "bytes_value",
              "masked",
              "error_message",
              "created_at"),
          r ->
              Arrays.asList(
                  r.decisionInstanceId(),
                  r.processInstanceId(),
                  r.output() ? "output" : "input",
                  r.position(),
                  r.clauseId(),
                  r.clauseName(),
                  r.ruleId(),
                  r.ruleOrder(),
                  r.variableName(),
                  r.valueType(),
                  r.textValue(),
                  r.longValue(),
                  r.doubleValue(),
                  r.bytesValue(),
                  r.masked(),
                  r.errorMessage(),
                  r.createdAt()));

  private DecisionHistoryRows() {}
}

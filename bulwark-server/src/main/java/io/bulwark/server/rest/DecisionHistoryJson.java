package io.bulwark.server.rest;

import io.bulwark.engine.api.HistoricDecisionInstance;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Camunda's JSON shapes of the decision history. Bulwark has no case instances, decision
 * requirements definitions, removal times or root process instances in decision history: those
 * members are null. Values are Camunda's typed values; a sensitive one is the mask with {@code
 * valueInfo.sensitive} (D1).
 */
final class DecisionHistoryJson {

  private DecisionHistoryJson() {}

  /** Camunda's {@code HistoricDecisionInstanceDto}; inputs and outputs null unless asked for. */
  record InstanceJson(
      @Nullable String id,
      @Nullable String decisionDefinitionId,
      @Nullable String decisionDefinitionKey,
      @Nullable String decisionDefinitionName,
      @Nullable String evaluationTime,
      @Nullable String removalTime,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable String processInstanceId,
      @Nullable String caseDefinitionId,
      @Nullable String caseDefinitionKey,
      @Nullable String caseInstanceId,
      @Nullable String activityId,
      @Nullable String activityInstanceId,
      @Nullable String tenantId,
      @Nullable String userId,
      @Nullable List<InputJson> inputs,
      @Nullable List<OutputJson> outputs,
      @Nullable Double collectResultValue,
      @Nullable String rootDecisionInstanceId,
      @Nullable String rootProcessInstanceId,
      @Nullable String decisionRequirementsDefinitionId,
      @Nullable String decisionRequirementsDefinitionKey) {

    static InstanceJson of(HistoricDecisionInstance h) {
      List<HistoricDecisionInstance.Input> inputs = h.inputs();
      List<HistoricDecisionInstance.Output> outputs = h.outputs();
      return new InstanceJson(
          h.id(),
          h.decisionDefinitionId(),
          h.decisionDefinitionKey(),
          h.decisionDefinitionName(),
          CamundaDates.format(h.evaluatedAt()),
          null,
          h.processDefinitionId(),
          h.processDefinitionKey(),
          h.processInstanceId(),
          null,
          null,
          null,
          h.activityId(),
          h.activityInstanceId(),
          h.tenantId(),
          h.userId(),
          inputs == null ? null : inputs.stream().map(i -> InputJson.of(h, i)).toList(),
          outputs == null ? null : outputs.stream().map(o -> OutputJson.of(h, o)).toList(),
          h.collectResultValue(),
          h.rootDecisionInstanceId(),
          null,
          null,
          null);
    }
  }

  /** Camunda's {@code HistoricDecisionInputInstanceDto}. */
  record InputJson(
      @Nullable String id,
      @Nullable String decisionInstanceId,
      @Nullable String clauseId,
      @Nullable String clauseName,
      @Nullable String errorMessage,
      @Nullable String type,
      @Nullable String createTime,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId,
      @Nullable Object value,
      Map<String, Object> valueInfo) {

    static InputJson of(HistoricDecisionInstance h, HistoricDecisionInstance.Input i) {
      VariableValueJson typed = VariableJson.valueToCamunda(i.value());
      return new InputJson(
          i.id(),
          h.id(),
          i.clauseId(),
          i.clauseName(),
          i.errorMessage(),
          typed.type(),
          CamundaDates.format(i.createdAt()),
          null,
          null,
          typed.value(),
          typed.valueInfo());
    }
  }

  /** Camunda's {@code HistoricDecisionOutputInstanceDto}. */
  record OutputJson(
      @Nullable String id,
      @Nullable String decisionInstanceId,
      @Nullable String clauseId,
      @Nullable String clauseName,
      @Nullable String ruleId,
      @Nullable Integer ruleOrder,
      @Nullable String errorMessage,
      @Nullable String variableName,
      @Nullable String type,
      @Nullable String createTime,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId,
      @Nullable Object value,
      Map<String, Object> valueInfo) {

    static OutputJson of(HistoricDecisionInstance h, HistoricDecisionInstance.Output o) {
      VariableValueJson typed = VariableJson.valueToCamunda(o.value());
      return new OutputJson(
          o.id(),
          h.id(),
          o.clauseId(),
          o.clauseName(),
          o.ruleId(),
          o.ruleOrder(),
          o.errorMessage(),
          o.variableName(),
          typed.type(),
          CamundaDates.format(o.createdAt()),
          null,
          null,
          typed.value(),
          typed.valueInfo());
    }
  }
}

package io.bulwark.server.rest;

import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of Camunda 7's history resources. Bulwark keeps no definition names or versions,
 * removal times, root instances, case instances or tenants in its history: those members are
 * answered null.
 */
final class HistoryJson {

  private HistoryJson() {}

  static Long duration(Instant start, Instant end) {
    return start == null || end == null ? null : Duration.between(start, end).toMillis();
  }

  /** Camunda's {@code HistoricProcessInstanceDto}. */
  record ProcessInstance(
      String id,
      String businessKey,
      String processDefinitionId,
      String processDefinitionKey,
      String processDefinitionName,
      Integer processDefinitionVersion,
      String startTime,
      String endTime,
      String removalTime,
      Long durationInMillis,
      String startUserId,
      String startActivityId,
      String deleteReason,
      String rootProcessInstanceId,
      String superProcessInstanceId,
      String superCaseInstanceId,
      String caseInstanceId,
      String tenantId,
      String state) {

    static ProcessInstance of(HistoryService.HistoricProcessInstance h) {
      return new ProcessInstance(
          h.id(),
          h.businessKey(),
          h.processDefinitionId(),
          h.processDefinitionKey(),
          h.processDefinitionName(),
          h.processDefinitionVersion(),
          CamundaDates.format(h.startedAt()),
          CamundaDates.format(h.endedAt()),
          null,
          duration(h.startedAt(), h.endedAt()),
          h.startedBy(),
          null,
          h.deleteReason(),
          null,
          h.superProcessInstanceId(),
          null,
          null,
          null,
          state(h.state()));
    }

    /**
     * Camunda's state names for Bulwark's (TERMINATED by an end event, DELETED through the API).
     */
    static String state(String state) {
      return switch (state) {
        case "TERMINATED" -> "INTERNALLY_TERMINATED";
        case "DELETED" -> "EXTERNALLY_TERMINATED";
        default -> state;
      };
    }
  }

  /** Camunda's {@code HistoricActivityInstanceDto}. */
  record ActivityInstance(
      String id,
      String parentActivityInstanceId,
      String activityId,
      String activityName,
      String activityType,
      String processDefinitionKey,
      String processDefinitionId,
      String processInstanceId,
      String executionId,
      String taskId,
      String calledProcessInstanceId,
      String calledCaseInstanceId,
      String assignee,
      String startTime,
      String endTime,
      Long durationInMillis,
      Boolean canceled,
      Boolean completeScope,
      String tenantId,
      String removalTime,
      String rootProcessInstanceId) {

    static ActivityInstance of(String instanceId, HistoryService.HistoricActivityInstance a) {
      return new ActivityInstance(
          a.id(),
          null,
          a.activityId(),
          null,
          a.activityType(),
          null,
          null,
          instanceId,
          a.executionId(),
          a.taskId(),
          null,
          null,
          null,
          CamundaDates.format(a.startedAt()),
          CamundaDates.format(a.endedAt()),
          duration(a.startedAt(), a.endedAt()),
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** Camunda's {@code HistoricTaskInstanceDto}. */
  record Task(
      String id,
      String processDefinitionKey,
      String processDefinitionId,
      String processInstanceId,
      String executionId,
      String activityInstanceId,
      String name,
      String description,
      String deleteReason,
      String owner,
      String assignee,
      String startTime,
      String endTime,
      Long duration,
      String taskDefinitionKey,
      Integer priority,
      String due,
      String parentTaskId,
      String followUp,
      String tenantId,
      String removalTime,
      String rootProcessInstanceId) {

    static Task of(String instanceId, HistoryService.HistoricTask t) {
      return new Task(
          t.id(),
          null,
          null,
          instanceId,
          null,
          null,
          t.name(),
          null,
          t.deleteReason(),
          null,
          t.assignee(),
          CamundaDates.format(t.createdAt()),
          CamundaDates.format(t.endedAt()),
          HistoryJson.duration(t.createdAt(), t.endedAt()),
          t.taskDefinitionKey(),
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** Camunda's {@code HistoricVariableInstanceDto}: the latest value of a variable. */
  record VariableInstance(
      String id,
      String name,
      String type,
      Object value,
      Map<String, Object> valueInfo,
      String processDefinitionKey,
      String processDefinitionId,
      String processInstanceId,
      String executionId,
      String activityInstanceId,
      String caseDefinitionKey,
      String caseDefinitionId,
      String caseInstanceId,
      String caseExecutionId,
      String taskId,
      String tenantId,
      String errorMessage,
      String state,
      String createTime,
      String removalTime,
      String rootProcessInstanceId) {

    static VariableInstance of(HistoryService.HistoricVariable v) {
      VariableValueJson typed = VariableJson.valueToCamunda(v.value());
      return new VariableInstance(
          v.id(),
          v.name(),
          typed.type(),
          typed.value(),
          typed.valueInfo(),
          null,
          null,
          v.processInstanceId(),
          v.processInstanceId(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          "CREATED",
          CamundaDates.format(v.createdAt()),
          null,
          null);
    }
  }

  /**
   * Camunda's {@code HistoricIncidentDto}: {@code configuration} is the failed job's or external
   * task's ID; an incident is its own cause and root cause (Bulwark keeps no incident chains).
   */
  record Incident(
      String id,
      String processDefinitionKey,
      String processDefinitionId,
      String processInstanceId,
      String executionId,
      String rootProcessInstanceId,
      String createTime,
      String endTime,
      String removalTime,
      String incidentType,
      String activityId,
      String failedActivityId,
      String causeIncidentId,
      String rootCauseIncidentId,
      String configuration,
      String historyConfiguration,
      String incidentMessage,
      String tenantId,
      String jobDefinitionId,
      Boolean open,
      Boolean deleted,
      Boolean resolved,
      String annotation) {

    static Incident of(HistoryService.HistoricIncident i) {
      String configuration = i.jobId() != null ? i.jobId() : i.externalTaskId();
      return new Incident(
          i.id(),
          i.processDefinitionKey(),
          i.processDefinitionId(),
          i.processInstanceId(),
          i.executionId(),
          null,
          CamundaDates.format(i.createdAt()),
          CamundaDates.format(i.endedAt()),
          null,
          i.type(),
          i.activityId(),
          i.activityId(),
          i.id(),
          i.id(),
          configuration,
          configuration,
          i.message(),
          null,
          null,
          "open".equals(i.state()),
          "deleted".equals(i.state()),
          "resolved".equals(i.state()),
          null);
    }
  }

  /** Camunda's {@code UserOperationLogEntryDto}. */
  record UserOperation(
      String id,
      String userId,
      String timestamp,
      String operationId,
      String operationType,
      String entityType,
      String category,
      String annotation,
      String property,
      String orgValue,
      String newValue,
      String deploymentId,
      String processDefinitionId,
      String processDefinitionKey,
      String processInstanceId,
      String executionId,
      String caseDefinitionId,
      String caseInstanceId,
      String caseExecutionId,
      String taskId,
      String externalTaskId,
      String batchId,
      String jobId,
      String jobDefinitionId,
      String removalTime,
      String rootProcessInstanceId) {

    static UserOperation of(HistoryService.UserOperation o) {
      boolean task = "TASK".equals(o.entityType());
      return new UserOperation(
          o.id(),
          o.userId(),
          CamundaDates.format(o.occurredAt()),
          o.id(),
          o.operation(),
          entityType(o.entityType()),
          null,
          null,
          o.property(),
          null,
          null,
          null,
          null,
          null,
          o.processInstanceId(),
          null,
          null,
          null,
          null,
          task ? o.entityId() : null,
          null,
          null,
          null,
          null,
          null,
          null);
    }

    /** Camunda's entity type names ({@code EntityTypes}) for Bulwark's. */
    static String entityType(String type) {
      return switch (type) {
        case "TASK" -> "Task";
        case "PROCESS_INSTANCE" -> "ProcessInstance";
        case "PROCESS_DEFINITION" -> "ProcessDefinition";
        case "DEPLOYMENT" -> "Deployment";
        case "VARIABLE" -> "Variable";
        default -> type;
      };
    }

    /** Bulwark's entity type for Camunda's name; a name Bulwark does not log is refused. */
    static String bulwarkEntityType(String camundaType) {
      for (String type :
          List.of(
              "TASK",
              "PROCESS_INSTANCE",
              "PROCESS_DEFINITION",
              "DEPLOYMENT",
              "VARIABLE",
              "MESSAGE")) {
        if (entityType(type).equals(camundaType)) {
          return type;
        }
      }
      throw ValidationException.of(
          "entityType",
          "allowed-values",
          "entityType is one of Task, ProcessInstance, ProcessDefinition, Deployment, Variable,"
              + " MESSAGE");
    }
  }
}

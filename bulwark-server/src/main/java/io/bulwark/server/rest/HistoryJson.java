package io.bulwark.server.rest;

import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of Camunda 7's history resources. Bulwark keeps no definition names or versions,
 * removal times, root instances, case instances or tenants in its history: those members are
 * answered null.
 */
final class HistoryJson {

  private HistoryJson() {}

  static @Nullable Long duration(@Nullable Instant start, @Nullable Instant end) {
    return start == null || end == null ? null : Duration.between(start, end).toMillis();
  }

  /** Camunda's {@code HistoricProcessInstanceDto}. */
  record ProcessInstance(
      @Nullable String id,
      @Nullable String businessKey,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionName,
      @Nullable Integer processDefinitionVersion,
      @Nullable String startTime,
      @Nullable String endTime,
      @Nullable String removalTime,
      @Nullable Long durationInMillis,
      @Nullable String startUserId,
      @Nullable String startActivityId,
      @Nullable String deleteReason,
      @Nullable String rootProcessInstanceId,
      @Nullable String superProcessInstanceId,
      @Nullable String superCaseInstanceId,
      @Nullable String caseInstanceId,
      @Nullable String tenantId,
      @Nullable String state) {

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
      @Nullable String id,
      @Nullable String parentActivityInstanceId,
      @Nullable String activityId,
      @Nullable String activityName,
      @Nullable String activityType,
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionId,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String taskId,
      @Nullable String calledProcessInstanceId,
      @Nullable String calledCaseInstanceId,
      @Nullable String assignee,
      @Nullable String startTime,
      @Nullable String endTime,
      @Nullable Long durationInMillis,
      @Nullable Boolean canceled,
      @Nullable Boolean completeScope,
      @Nullable String tenantId,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId) {

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
      @Nullable String id,
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionId,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String activityInstanceId,
      @Nullable String name,
      @Nullable String description,
      @Nullable String deleteReason,
      @Nullable String owner,
      @Nullable String assignee,
      @Nullable String startTime,
      @Nullable String endTime,
      @Nullable Long duration,
      @Nullable String taskDefinitionKey,
      @Nullable Integer priority,
      @Nullable String due,
      @Nullable String parentTaskId,
      @Nullable String followUp,
      @Nullable String tenantId,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId) {

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
      @Nullable String id,
      @Nullable String name,
      @Nullable String type,
      @Nullable Object value,
      Map<String, Object> valueInfo,
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionId,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String activityInstanceId,
      @Nullable String caseDefinitionKey,
      @Nullable String caseDefinitionId,
      @Nullable String caseInstanceId,
      @Nullable String caseExecutionId,
      @Nullable String taskId,
      @Nullable String tenantId,
      @Nullable String errorMessage,
      @Nullable String state,
      @Nullable String createTime,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId) {

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
      @Nullable String id,
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionId,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String rootProcessInstanceId,
      @Nullable String createTime,
      @Nullable String endTime,
      @Nullable String removalTime,
      @Nullable String incidentType,
      @Nullable String activityId,
      @Nullable String failedActivityId,
      @Nullable String causeIncidentId,
      @Nullable String rootCauseIncidentId,
      @Nullable String configuration,
      @Nullable String historyConfiguration,
      @Nullable String incidentMessage,
      @Nullable String tenantId,
      @Nullable String jobDefinitionId,
      @Nullable Boolean open,
      @Nullable Boolean deleted,
      @Nullable Boolean resolved,
      @Nullable String annotation) {

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
      @Nullable String id,
      @Nullable String userId,
      @Nullable String timestamp,
      @Nullable String operationId,
      @Nullable String operationType,
      @Nullable String entityType,
      @Nullable String category,
      @Nullable String annotation,
      @Nullable String property,
      @Nullable String orgValue,
      @Nullable String newValue,
      @Nullable String deploymentId,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String caseDefinitionId,
      @Nullable String caseInstanceId,
      @Nullable String caseExecutionId,
      @Nullable String taskId,
      @Nullable String externalTaskId,
      @Nullable String batchId,
      @Nullable String jobId,
      @Nullable String jobDefinitionId,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId) {

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

package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What happened, as far as the history level kept it. Every method takes the principal (Z2); the
 * lists of one instance need READ_HISTORY on it, and every list and count is restricted in SQL to
 * the instances whose history the principal may read (Z3). Pages hold at most 2000 rows (W8).
 */
public interface HistoryService {

  /**
   * A process instance, running or ended; {@code startedBy} is null when no user started it, the
   * definition's name and version are null once its deployment was deleted.
   */
  record HistoricProcessInstance(
      String id,
      String processDefinitionId,
      String processDefinitionKey,
      @Nullable String businessKey,
      Instant startedAt,
      @Nullable Instant endedAt,
      String state,
      @Nullable String deleteReason,
      @Nullable String superProcessInstanceId,
      @Nullable String startedBy,
      @Nullable String processDefinitionName,
      @Nullable Integer processDefinitionVersion) {}

  record HistoricActivityInstance(
      String id,
      String activityId,
      String activityType,
      String executionId,
      @Nullable String taskId,
      Instant startedAt,
      @Nullable Instant endedAt) {}

  record HistoricTask(
      String id,
      String taskDefinitionKey,
      @Nullable String name,
      @Nullable String assignee,
      Instant createdAt,
      @Nullable Instant endedAt,
      @Nullable String deleteReason) {}

  record HistoricVariableUpdate(
      String variableId, String name, String valueType, long revision, Instant updatedAt) {}

  /**
   * The latest value of a variable as history kept it (level AUDIT and above), also after the
   * variable was removed; {@code value} as the runtime answers it (null, String, Boolean, Long,
   * Double, Instant, byte[], or a Map or List for JSON).
   */
  record HistoricVariable(
      String id,
      String name,
      @Nullable String processInstanceId,
      @Nullable Object value,
      long revision,
      Instant createdAt,
      Instant updatedAt) {}

  record UserOperation(
      String id,
      Instant occurredAt,
      @Nullable String userId,
      String operation,
      String entityType,
      @Nullable String entityId,
      @Nullable String processInstanceId,
      @Nullable String property) {}

  /**
   * An incident as history keeps it: {@code state} is {@code open}, {@code resolved} or {@code
   * deleted}; {@code endedAt} is null while open. Exactly one of {@code jobId} and {@code
   * externalTaskId} is set.
   */
  record HistoricIncident(
      String id,
      String type,
      Instant createdAt,
      @Nullable Instant endedAt,
      String state,
      @Nullable String executionId,
      @Nullable String processInstanceId,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable String activityId,
      @Nullable String jobId,
      @Nullable String externalTaskId,
      @Nullable String message) {}

  Optional<HistoricProcessInstance> findProcessInstance(Principal principal, String instanceId);

  /** A page of process instances, running or ended, that match the query, with their total. */
  Page<HistoricProcessInstance> findProcessInstances(
      Principal principal, HistoricProcessInstanceQuery query);

  /** Activity instances of a process instance by start time. */
  default Page<HistoricActivityInstance> activityInstances(
      Principal principal, String instanceId, int firstResult, int maxResults) {
    return activityInstances(principal, instanceId, HistoryFilter.none(), firstResult, maxResults);
  }

  /** Activity instances of a process instance that match {@code filter}, by start time. */
  Page<HistoricActivityInstance> activityInstances(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults);

  default Page<HistoricTask> tasks(
      Principal principal, String instanceId, int firstResult, int maxResults) {
    return tasks(principal, instanceId, HistoryFilter.none(), firstResult, maxResults);
  }

  /** Tasks of a process instance that match {@code filter}, by creation time. */
  Page<HistoricTask> tasks(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults);

  Page<HistoricVariableUpdate> variableUpdates(
      Principal principal, String instanceId, int firstResult, int maxResults);

  /** The variables of a process instance with their latest values, by name. */
  default Page<HistoricVariable> variables(
      Principal principal, String instanceId, int firstResult, int maxResults) {
    return variables(principal, instanceId, HistoryFilter.none(), firstResult, maxResults);
  }

  /** The variables of a process instance that match {@code filter}, by name. */
  Page<HistoricVariable> variables(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults);

  /** Operation log entries of a process instance (E6). */
  default Page<UserOperation> userOperations(
      Principal principal, String instanceId, int firstResult, int maxResults) {
    return userOperations(principal, instanceId, HistoryFilter.none(), firstResult, maxResults);
  }

  /** Operation log entries of a process instance that match {@code filter} (E6), by time. */
  Page<UserOperation> userOperations(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults);

  /**
   * What the history clean-up is doing (D5): the default retention, the clean-up job's next run,
   * and how many ended instances are past their retention and still stored. Needs READ on SYSTEM.
   */
  HistoryRetentionStatus retentionStatus(Principal principal);

  /**
   * A page of incidents, open or ended, that match the query, with their total: only those of
   * instances whose history the principal may read (READ_HISTORY on PROCESS_INSTANCE, Z3).
   */
  Page<HistoricIncident> findIncidents(Principal principal, HistoricIncidentQuery query);
}

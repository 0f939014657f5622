package io.bulwark.engine.history;

import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.Versioning;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** History rows and their writers; history tables are unversioned and append-mostly. */
final class HistoryRows {

  record ProcessInstanceRow(
      String id,
      String definitionId,
      String definitionKey,
      @Nullable String businessKey,
      Instant startedAt,
      @Nullable Instant endedAt,
      @Nullable String startedBy,
      String state,
      @Nullable String deleteReason,
      @Nullable String tenantId,
      @Nullable String superProcessInstanceId) {

    ProcessInstanceRow ended(Instant at, String newState, @Nullable String reason) {
      return new ProcessInstanceRow(
          id,
          definitionId,
          definitionKey,
          businessKey,
          startedAt,
          at,
          startedBy,
          newState,
          reason,
          tenantId,
          superProcessInstanceId);
    }
  }

  record ActivityInstanceRow(
      String id,
      String processInstanceId,
      String executionId,
      String activityId,
      String activityType,
      @Nullable String activityName,
      @Nullable String taskId,
      Instant startedAt,
      @Nullable Instant endedAt) {}

  record TaskRow(
      String id,
      String processInstanceId,
      String taskDefinitionKey,
      @Nullable String name,
      @Nullable String assignee,
      Instant createdAt,
      @Nullable Instant endedAt,
      @Nullable Instant dueDate,
      @Nullable String deleteReason) {}

  record VariableUpdateRow(
      String id,
      String variableId,
      String processInstanceId,
      @Nullable String scopeId,
      String name,
      String valueType,
      @Nullable String textValue,
      @Nullable Long longValue,
      @Nullable Double doubleValue,
      byte @Nullable [] bytesValue,
      long variableRev,
      Instant updatedAt,
      @Nullable String updatedBy,
      @Nullable Integer cipherKey) {}

  record OperationRow(
      String id,
      Instant occurredAt,
      @Nullable String userId,
      String operation,
      String entityType,
      @Nullable String entityId,
      @Nullable String processInstanceId,
      @Nullable String property,
      @Nullable String oldValue,
      @Nullable String newValue) {}

  record EndRow(String id, Instant endedAt) {}

  record ProcessEndRow(String id, Instant endedAt, String state, @Nullable String deleteReason) {}

  record TaskEndRow(
      String id,
      @Nullable String assignee,
      @Nullable Instant endedAt,
      @Nullable String deleteReason) {}

  static final RowWriter<ProcessInstanceRow> PROCESS_INSTANCE =
      RowWriter.of(
          "bw_hi_process_instance",
          Versioning.NONE,
          ProcessInstanceRow::id,
          List.of(
              "process_definition_id",
              "process_definition_key",
              "business_key",
              "started_at",
              "ended_at",
              "started_by",
              "state",
              "delete_reason",
              "tenant_id",
              "super_process_instance_id"),
          r ->
              Arrays.asList(
                  r.definitionId(),
                  r.definitionKey(),
                  r.businessKey(),
                  r.startedAt(),
                  r.endedAt(),
                  r.startedBy(),
                  r.state(),
                  r.deleteReason(),
                  r.tenantId(),
                  r.superProcessInstanceId()));

  static final RowWriter<ProcessEndRow> PROCESS_END =
      RowWriter.of(
          "bw_hi_process_instance",
          Versioning.NONE,
          ProcessEndRow::id,
          List.of("ended_at", "state", "delete_reason"),
          r -> Arrays.asList(r.endedAt(), r.state(), r.deleteReason()));

  static final RowWriter<ActivityInstanceRow> ACTIVITY_INSTANCE =
      RowWriter.of(
          "bw_hi_activity_instance",
          Versioning.NONE,
          ActivityInstanceRow::id,
          List.of(
              "process_instance_id",
              "execution_id",
              "activity_id",
              "activity_type",
              "activity_name",
              "task_id",
              "started_at",
              "ended_at"),
          r ->
              Arrays.asList(
                  r.processInstanceId(),
                  r.executionId(),
                  r.activityId(),
                  r.activityType(),
                  r.activityName(),
                  r.taskId(),
                  r.startedAt(),
                  r.endedAt()));

  static final RowWriter<EndRow> ACTIVITY_END =
      RowWriter.of(
          "bw_hi_activity_instance",
          Versioning.NONE,
          EndRow::id,
          List.of("ended_at"),
          r -> Arrays.asList(r.endedAt()));

  static final RowWriter<TaskRow> TASK =
      RowWriter.of(
          "bw_hi_task",
          Versioning.NONE,
          TaskRow::id,
          List.of(
              "process_instance_id",
              "task_definition_key",
              "name",
              "assignee",
              "created_at",
              "ended_at",
              "due_date",
              "delete_reason"),
          r ->
              Arrays.asList(
                  r.processInstanceId(),
                  r.taskDefinitionKey(),
                  r.name(),
                  r.assignee(),
                  r.createdAt(),
                  r.endedAt(),
                  r.dueDate(),
                  r.deleteReason()));

  static final RowWriter<TaskEndRow> TASK_END =
      RowWriter.of(
          "bw_hi_task",
          Versioning.NONE,
          TaskEndRow::id,
          List.of("assignee", "ended_at", "delete_reason"),
          r -> Arrays.asList(r.assignee(), r.endedAt(), r.deleteReason()));

  static final RowWriter<VariableUpdateRow> VARIABLE_UPDATE =
      RowWriter.of(
          "bw_hi_variable_update",
          Versioning.NONE,
          VariableUpdateRow::id,
          List.of(
              "variable_id",
              "process_instance_id",
              "scope_id",
              "name",
              "value_type",
              "text_value",
              "long_value",
              "double_value",
              "bytes_value",
              "variable_rev",
              "updated_at",
              "updated_by",
              "cipher_key"),
          r ->
              Arrays.asList(
                  r.variableId(),
                  r.processInstanceId(),
                  r.scopeId(),
                  r.name(),
                  r.valueType(),
                  r.textValue(),
                  r.longValue(),
                  r.doubleValue(),
                  r.bytesValue(),
                  r.variableRev(),
                  r.updatedAt(),
                  r.updatedBy(),
                  r.cipherKey()));

  static final RowWriter<OperationRow> OPERATION =
      RowWriter.of(
          "bw_user_operation_log",
          Versioning.NONE,
          OperationRow::id,
          List.of(
              "occurred_at",
              "user_id",
              "operation",
              "entity_type",
              "entity_id",
              "process_instance_id",
              "property",
              "old_value",
              "new_value"),
          r ->
              Arrays.asList(
                  r.occurredAt(),
                  r.userId(),
                  r.operation(),
                  r.entityType(),
                  r.entityId(),
                  r.processInstanceId(),
                  r.property(),
                  r.oldValue(),
                  r.newValue()));

  private HistoryRows() {}
}

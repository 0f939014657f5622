package io.bulwark.engine.runtime;

import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writers of the rows that executions own: tasks and their candidate links and message
 * subscriptions (external tasks and jobs are written by their own packages). Kept together because
 * the runtime creates and removes them as one execution moves; the feature packages read them with
 * their own queries.
 */
public final class RuntimeRows {

  /**
   * A candidate user or group of a task; exactly one of the two is set. It carries its task's
   * creation time and tenant, which never change, so that a user's task list can sort and count the
   * tasks from the links alone (issue 13).
   */
  public record IdentityLinkRow(
      String id,
      String taskId,
      Instant taskCreatedAt,
      @Nullable String taskTenantId,
      @Nullable String userId,
      @Nullable String groupId) {

    /** A new link of {@code task} to a user or a group. */
    public static IdentityLinkRow of(
        String id, TaskRow task, @Nullable String userId, @Nullable String groupId) {
      return new IdentityLinkRow(id, task.id(), task.createdAt(), task.tenantId(), userId, groupId);
    }
  }

  /** A {@code bw_event_subscription}: a waiting catch event or a message start event. */
  public record SubscriptionRow(
      String id,
      String eventType,
      @Nullable String eventName,
      @Nullable String executionId,
      @Nullable String processInstanceId,
      String activityId,
      @Nullable String processDefinitionId,
      Instant createdAt) {}

  public static final String TASK_COLUMNS =
      "t.id, t.execution_id, t.process_instance_id, t.process_definition_id,"
          + " t.process_definition_key, t.task_definition_key, t.name, t.assignee, t.owner,"
          + " t.priority, t.due_date, t.created_at, t.form_key, t.tenant_id, t.delegation_state,"
          + " t.follow_up_date, t.rev";

  public static final RowWriter<TaskRow> TASK =
      RowWriter.of(
          "bw_task",
          Versioning.OPTIMISTIC,
          TaskRow::id,
          List.of(
              "execution_id",
              "process_instance_id",
              "process_definition_id",
              "process_definition_key",
              "task_definition_key",
              "name",
              "assignee",
              "owner",
              "priority",
              "due_date",
              "created_at",
              "form_key",
              "tenant_id",
              "delegation_state",
              "follow_up_date"),
          t ->
              Arrays.asList(
                  t.executionId(),
                  t.processInstanceId(),
                  t.processDefinitionId(),
                  t.processDefinitionKey(),
                  t.taskDefinitionKey(),
                  t.name(),
                  t.assignee(),
                  t.owner(),
                  t.priority(),
                  t.dueDate(),
                  t.createdAt(),
                  t.formKey(),
                  t.tenantId(),
                  t.delegationState(),
                  t.followUpDate()));

  public static final RowMapper<TaskRow> TASK_MAPPER =
      rs ->
          new TaskRow(
              rs.getString("id"),
              rs.getString("execution_id"),
              rs.getString("process_instance_id"),
              rs.getString("process_definition_id"),
              rs.getString("process_definition_key"),
              rs.getString("task_definition_key"),
              rs.getString("name"),
              rs.getString("assignee"),
              rs.getString("owner"),
              rs.getInt("priority"),
              SqlValues.instant(rs, "due_date"),
              SqlValues.requiredInstant(rs, "created_at"),
              rs.getString("form_key"),
              rs.getString("tenant_id"),
              rs.getString("delegation_state"),
              SqlValues.instant(rs, "follow_up_date"),
              rs.getLong("rev"));

  public static final RowWriter<IdentityLinkRow> IDENTITY_LINK =
      RowWriter.of(
          "bw_task_identity_link",
          Versioning.NONE,
          IdentityLinkRow::id,
          List.of(
              "task_id", "user_id", "group_id", "link_type", "task_created_at", "task_tenant_id"),
          l ->
              Arrays.asList(
                  l.taskId(),
                  l.userId(),
                  l.groupId(),
                  "candidate",
                  l.taskCreatedAt(),
                  l.taskTenantId()));

  public static final RowWriter<SubscriptionRow> SUBSCRIPTION =
      RowWriter.of(
          "bw_event_subscription",
          Versioning.OPTIMISTIC,
          SubscriptionRow::id,
          List.of(
              "event_type",
              "event_name",
              "execution_id",
              "process_instance_id",
              "activity_id",
              "process_definition_id",
              "created_at"),
          s ->
              Arrays.asList(
                  s.eventType(),
                  s.eventName(),
                  s.executionId(),
                  s.processInstanceId(),
                  s.activityId(),
                  s.processDefinitionId(),
                  s.createdAt()));

  private RuntimeRows() {}
}

package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoricIncidentQuery;
import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoryFilter;
import io.bulwark.engine.api.HistoryService.HistoricActivityInstance;
import io.bulwark.engine.api.HistoryService.HistoricIncident;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.HistoryService.HistoricTask;
import io.bulwark.engine.api.HistoryService.HistoricVariable;
import io.bulwark.engine.api.HistoryService.HistoricVariableUpdate;
import io.bulwark.engine.api.HistoryService.UserOperation;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SortDirection;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.variable.JavaValues;
import io.bulwark.engine.variable.ScopeType;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.ValueType;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The list queries of the history, one per resource (W8): fixed shapes, filters as bound parameters
 * (E5), and the caller's authorization filter (Z2, Z3) on {@code PROCESS_INSTANCE READ_HISTORY} of
 * the instance each row belongs to, applied to list and count alike.
 */
final class HistoryQueries {

  /**
   * A history resource listed per process instance: its own condition (may be null), the columns of
   * the {@link HistoryFilter.Field}s it can be filtered by, and its end column (null: rows do not
   * end).
   */
  record InstanceList<T>(
      QueryShape shape,
      String instanceColumn,
      String sortKey,
      RowMapper<T> mapper,
      @Nullable String condition,
      Map<HistoryFilter.Field, String> fields,
      @Nullable String endColumn) {

    /** A list without a condition of its own besides the instance. */
    InstanceList(
        QueryShape shape,
        String instanceColumn,
        String sortKey,
        RowMapper<T> mapper,
        Map<HistoryFilter.Field, String> fields,
        @Nullable String endColumn) {
      this(shape, instanceColumn, sortKey, mapper, null, fields, endColumn);
    }
  }

  static final QueryShape PROCESS_INSTANCES =
      QueryShape.of(
          "historic process instance",
          "h.id, h.process_definition_id, h.process_definition_key, h.business_key,"
              + " h.started_at, h.ended_at, h.state, h.delete_reason, h.super_process_instance_id,"
              + " h.started_by, d.name, d.version",
          "bw_hi_process_instance h"
              + " LEFT JOIN bw_process_definition d ON d.id = h.process_definition_id",
          Map.of("startTime", "h.started_at", "endTime", "h.ended_at", "id", "h.id"),
          "h.id");

  static final InstanceList<HistoricProcessInstance> PROCESS_INSTANCE =
      new InstanceList<>(
          PROCESS_INSTANCES,
          "h.id",
          "id",
          rs ->
              new HistoricProcessInstance(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  SqlValues.requiredInstant(rs, "started_at"),
                  SqlValues.instant(rs, "ended_at"),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getObject(12, Integer.class)),
          Map.of(),
          null);

  static final InstanceList<HistoricActivityInstance> ACTIVITIES =
      new InstanceList<>(
          timed(
              "historic activity instance",
              "h.id, h.activity_id, h.activity_type, h.execution_id, h.task_id, h.started_at,"
                  + " h.ended_at",
              "bw_hi_activity_instance h",
              "h.started_at"),
          "h.process_instance_id",
          "time",
          rs ->
              new HistoricActivityInstance(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  SqlValues.requiredInstant(rs, "started_at"),
                  SqlValues.instant(rs, "ended_at")),
          Map.of(
              HistoryFilter.Field.ACTIVITY_ID, "h.activity_id",
              HistoryFilter.Field.ACTIVITY_TYPE, "h.activity_type",
              HistoryFilter.Field.EXECUTION_ID, "h.execution_id"),
          "h.ended_at");

  static final InstanceList<HistoricTask> TASKS =
      new InstanceList<>(
          timed(
              "historic task",
              "h.id, h.task_definition_key, h.name, h.assignee, h.created_at, h.ended_at,"
                  + " h.delete_reason",
              "bw_hi_task h",
              "h.created_at"),
          "h.process_instance_id",
          "time",
          rs ->
              new HistoricTask(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  SqlValues.requiredInstant(rs, "created_at"),
                  SqlValues.instant(rs, "ended_at"),
                  rs.getString(7)),
          Map.of(
              HistoryFilter.Field.TASK_ID, "h.id",
              HistoryFilter.Field.TASK_DEFINITION_KEY, "h.task_definition_key",
              HistoryFilter.Field.ASSIGNEE, "h.assignee"),
          "h.ended_at");

  static final InstanceList<HistoricVariableUpdate> VARIABLE_UPDATES =
      new InstanceList<>(
          timed(
              "historic variable update",
              "h.variable_id, h.name, h.value_type, h.variable_rev, h.updated_at",
              "bw_hi_variable_update h",
              "h.updated_at"),
          "h.process_instance_id",
          "time",
          rs ->
              new HistoricVariableUpdate(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  SqlValues.requiredInstant(rs, "updated_at")),
          Map.of(HistoryFilter.Field.VARIABLE_NAME, "h.name"),
          null);

  static final InstanceList<UserOperation> OPERATIONS =
      new InstanceList<>(
          timed(
              "user operation",
              "h.id, h.occurred_at, h.user_id, h.operation, h.entity_type, h.entity_id,"
                  + " h.process_instance_id, h.property",
              "bw_user_operation_log h",
              "h.occurred_at"),
          "h.process_instance_id",
          "time",
          rs ->
              new UserOperation(
                  rs.getString(1),
                  SqlValues.requiredInstant(rs, "occurred_at"),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8)),
          Map.of(
              HistoryFilter.Field.OPERATION_TYPE, "h.operation",
              HistoryFilter.Field.ENTITY_TYPE, "h.entity_type",
              HistoryFilter.Field.USER_ID, "h.user_id"),
          null);

  static final QueryShape INCIDENTS =
      QueryShape.of(
          "historic incident",
          "h.id, h.incident_type, h.created_at, h.ended_at, h.state, h.execution_id,"
              + " h.process_instance_id, h.process_definition_id, h.process_definition_key,"
              + " h.activity_id, h.job_id, h.external_task_id, h.message",
          "bw_hi_incident h",
          Map.of(
              "createTime", "h.created_at",
              "endTime", "h.ended_at",
              "incidentType", "h.incident_type",
              "id", "h.id"),
          "h.id");

  static final RowMapper<HistoricIncident> INCIDENT =
      rs ->
          new HistoricIncident(
              rs.getString(1),
              rs.getString(2),
              SqlValues.requiredInstant(rs, "created_at"),
              SqlValues.instant(rs, "ended_at"),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              rs.getString(11),
              rs.getString(12),
              rs.getString(13));

  /**
   * The latest row of each variable of an instance: its last value (also of a variable that was
   * removed since), its revision, when it was last updated and when it was created.
   */
  static InstanceList<HistoricVariable> variables(JavaValues values) {
    return new InstanceList<>(
        QueryShape.of(
            "historic variable instance",
            "h.variable_id, h.name, h.process_instance_id, h.value_type, h.text_value,"
                + " h.long_value, h.double_value, h.bytes_value, h.variable_rev, h.updated_at,"
                + " h.cipher_key,"
                + " (SELECT MIN(c.updated_at) FROM bw_hi_variable_update c"
                + " WHERE c.variable_id = h.variable_id) AS created_at",
            "bw_hi_variable_update h",
            Map.of("name", "h.name"),
            "h.variable_id"),
        "h.process_instance_id",
        "name",
        rs -> {
          String name = rs.getString(2);
          VariableRow row =
              new VariableRow(
                  rs.getString(1),
                  rs.getString(3),
                  ScopeType.EXECUTION,
                  rs.getString(3),
                  name,
                  ValueType.valueOf(rs.getString(4)),
                  rs.getString(5),
                  rs.getObject(6) == null ? null : rs.getLong(6),
                  rs.getObject(7) == null ? null : rs.getDouble(7),
                  rs.getBytes(8),
                  rs.getLong(9),
                  SqlValues.nullableInt(rs, "cipher_key"));
          // D5: history never opens a sensitive value; its readers see the mask.
          Object value =
              row.cipherKey() != null
                  ? SensitiveFields.masked(row.valueType())
                  : values.toJava(name, VariableRows.toValue(row));
          return new HistoricVariable(
              row.id(),
              name,
              row.processInstanceId(),
              value,
              row.rev(),
              SqlValues.requiredInstant(rs, "created_at"),
              SqlValues.requiredInstant(rs, "updated_at"));
        },
        "h.variable_rev = (SELECT MAX(m.variable_rev) FROM bw_hi_variable_update m"
            + " WHERE m.variable_id = h.variable_id)",
        Map.of(HistoryFilter.Field.VARIABLE_NAME, "h.name"),
        null);
  }

  private HistoryQueries() {}

  private static QueryShape timed(String resource, String columns, String table, String time) {
    return QueryShape.of(resource, columns, table, Map.of("time", time), "h.id");
  }

  /**
   * The rows of {@code list} that belong to one process instance and match {@code filter}, oldest
   * first; a field the list does not have is refused (W11).
   */
  static ListQuery ofInstance(
      CommandContext context,
      InstanceList<?> list,
      String instanceId,
      HistoryFilter filter,
      int first,
      int max) {
    ListQuery.Builder builder =
        list.shape().query().where(list.instanceColumn() + " = ?", instanceId);
    if (list.condition() != null) {
      builder.where(list.condition());
    }
    for (var condition : filter.equal().entrySet()) {
      String column = list.fields().get(condition.getKey());
      if (column == null) {
        throw ValidationException.of(
            condition.getKey().name(),
            "unsupported",
            "the " + list.shape().resource() + " list has no filter " + condition.getKey());
      }
      // column is a code constant of the list (E5); the value is bound.
      builder.where(column + " = ?", condition.getValue());
    }
    if (filter.finished() != null) {
      if (list.endColumn() == null) {
        throw ValidationException.of(
            "finished", "unsupported", "the " + list.shape().resource() + " list has no end");
      }
      builder.where(list.endColumn() + (filter.finished() ? " IS NOT NULL" : " IS NULL"));
    }
    return builder
        .orderBy(list.sortKey(), SortDirection.ASC)
        .page(first, max)
        // HistoryListCommand's requirement decided READ_HISTORY on this one instance (Z3).
        .authorizationFilter(
            SqlFilter.unrestricted("READ_HISTORY on process instance checked by the command"))
        .build();
  }

  /** The historic process instances that match {@code query}. */
  static ListQuery processInstances(CommandContext context, HistoricProcessInstanceQuery query)
      throws SQLException {
    ListQuery.Builder builder = PROCESS_INSTANCES.query();
    builder.whereIfSet("h.process_definition_key = ?", query.processDefinitionKey());
    builder.whereIfSet("h.business_key = ?", query.businessKey());
    builder.whereIfSet("h.started_by = ?", query.startedBy());
    if (query.completion() != null) {
      builder.where(
          query.completion() == HistoricProcessInstanceQuery.Completion.FINISHED
              ? "h.ended_at IS NOT NULL"
              : "h.ended_at IS NULL");
    }
    builder.whereIfSet("h.started_at >= ?", query.startedAfter());
    builder.whereIfSet("h.started_at < ?", query.startedBefore());
    builder.whereIfSet("h.ended_at >= ?", query.endedAfter());
    builder.whereIfSet("h.ended_at < ?", query.endedBefore());
    String sortKey =
        switch (query.sortBy()) {
          case START_TIME -> "startTime";
          case END_TIME -> "endTime";
          case ID -> "id";
        };
    return builder
        .orderBy(sortKey, SortDirection.valueOf(query.sortOrder().name()))
        .page(query.firstResult(), query.maxResults())
        .authorizationFilter(
            context.listFilter(
                ListTarget.instances(
                    "h.id", "h.started_by", "h.process_definition_key", "h.tenant_id"),
                Permission.READ_HISTORY))
        .build();
  }

  /** The historic incidents that match {@code query}, of instances the actor may read (Z3). */
  static ListQuery incidents(CommandContext context, HistoricIncidentQuery query)
      throws SQLException {
    ListQuery.Builder builder = INCIDENTS.query();
    builder.whereIfSet("h.process_instance_id = ?", query.processInstanceId());
    builder.whereIfSet("h.process_definition_id = ?", query.processDefinitionId());
    builder.whereIfSet("h.process_definition_key = ?", query.processDefinitionKey());
    builder.whereIfSet("h.incident_type = ?", query.incidentType());
    if (query.state() != null) {
      builder.where("h.state = ?", query.state().name().toLowerCase(Locale.ROOT));
    }
    String sortKey =
        switch (query.sortBy()) {
          case CREATE_TIME -> "createTime";
          case END_TIME -> "endTime";
          case INCIDENT_TYPE -> "incidentType";
          case ID -> "id";
        };
    return builder
        .orderBy(sortKey, SortDirection.valueOf(query.sortOrder().name()))
        .page(query.firstResult(), query.maxResults())
        .authorizationFilter(
            context.listFilter(
                ListTarget.instances(
                    "h.process_instance_id",
                    "h.started_by",
                    "h.process_definition_key",
                    "h.tenant_id"),
                Permission.READ_HISTORY))
        .build();
  }
}

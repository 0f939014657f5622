package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoryService.HistoricActivityInstance;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.HistoryService.HistoricTask;
import io.bulwark.engine.api.HistoryService.HistoricVariableUpdate;
import io.bulwark.engine.api.HistoryService.UserOperation;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SortDirection;
import io.bulwark.engine.command.SqlValues;
import java.sql.SQLException;
import java.util.Map;

/** Lists history rows of one process instance, a page at a time (W8); needs READ_HISTORY. */
public final class HistoryListCommand<T> implements Command<Page<T>> {

  private final QueryShape shape;
  private final String instanceColumn;
  private final RowMapper<T> mapper;
  private final String instanceId;
  private final int firstResult;
  private final int maxResults;

  private HistoryListCommand(
      QueryShape shape,
      String instanceColumn,
      RowMapper<T> mapper,
      String instanceId,
      int firstResult,
      int maxResults) {
    this.shape = shape;
    this.instanceColumn = instanceColumn;
    this.mapper = mapper;
    this.instanceId = instanceId;
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  private static QueryShape shape(String resource, String columns, String table, String time) {
    return QueryShape.of(resource, columns, table, Map.of("time", time), "h.id");
  }

  public static HistoryListCommand<HistoricProcessInstance> processInstance(String instanceId) {
    return new HistoryListCommand<>(
        QueryShape.of(
            "historic process instance",
            "h.id, h.process_definition_id, h.process_definition_key, h.business_key,"
                + " h.started_at, h.ended_at, h.state, h.delete_reason, h.super_process_instance_id",
            "bw_hi_process_instance h",
            Map.of(),
            "h.id"),
        "h.id",
        rs ->
            new HistoricProcessInstance(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "ended_at"),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9)),
        instanceId,
        0,
        1);
  }

  public static HistoryListCommand<HistoricActivityInstance> activities(
      String instanceId, int first, int max) {
    return new HistoryListCommand<>(
        shape(
            "historic activity instance",
            "h.id, h.activity_id, h.activity_type, h.execution_id, h.task_id, h.started_at,"
                + " h.ended_at",
            "bw_hi_activity_instance h",
            "h.started_at"),
        "h.process_instance_id",
        rs ->
            new HistoricActivityInstance(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "ended_at")),
        instanceId,
        first,
        max);
  }

  public static HistoryListCommand<HistoricTask> tasks(String instanceId, int first, int max) {
    return new HistoryListCommand<>(
        shape(
            "historic task",
            "h.id, h.task_definition_key, h.name, h.assignee, h.created_at, h.ended_at,"
                + " h.delete_reason",
            "bw_hi_task h",
            "h.created_at"),
        "h.process_instance_id",
        rs ->
            new HistoricTask(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "ended_at"),
                rs.getString(7)),
        instanceId,
        first,
        max);
  }

  public static HistoryListCommand<HistoricVariableUpdate> variables(
      String instanceId, int first, int max) {
    return new HistoryListCommand<>(
        shape(
            "historic variable update",
            "h.variable_id, h.name, h.value_type, h.variable_rev, h.updated_at",
            "bw_hi_variable_update h",
            "h.updated_at"),
        "h.process_instance_id",
        rs ->
            new HistoricVariableUpdate(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                SqlValues.instant(rs, "updated_at")),
        instanceId,
        first,
        max);
  }

  public static HistoryListCommand<UserOperation> operations(
      String instanceId, int first, int max) {
    return new HistoryListCommand<>(
        shape(
            "user operation",
            "h.id, h.occurred_at, h.user_id, h.operation, h.entity_type, h.entity_id,"
                + " h.process_instance_id, h.property",
            "bw_user_operation_log h",
            "h.occurred_at"),
        "h.process_instance_id",
        rs ->
            new UserOperation(
                rs.getString(1),
                SqlValues.instant(rs, "occurred_at"),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8)),
        instanceId,
        first,
        max);
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.HISTORY, Permission.READ_HISTORY);
  }

  @Override
  public Page<T> execute(CommandContext context) throws SQLException {
    ListQuery.Builder builder = shape.query().where(instanceColumn + " = ?", instanceId);
    if (!shape.sortColumns().isEmpty()) {
      builder.orderBy("time", SortDirection.ASC);
    }
    ListQuery query =
        builder
            .page(firstResult, maxResults)
            .authorizationFilter(SqlFilter.unrestricted("checked by the requirement"))
            .build();
    return new Page<>(query.list(context.connection(), mapper), query.count(context.connection()));
  }
}

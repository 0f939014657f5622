package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.ExternalTaskFilter;
import io.bulwark.engine.api.ExternalTaskView;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The list query of external tasks (W8): a fixed shape, filters as bound parameters (E5) and the
 * caller's authorization filter on {@code EXTERNAL_TASK READ} (Z2).
 */
final class ExternalTaskQueries {

  static final QueryShape TASKS =
      QueryShape.of(
          "external tasks",
          "t." + String.join(", t.", ExternalTaskRows.COLUMNS.split(",\\s*")),
          "bw_external_task t",
          Map.of("createdAt", "t.created_at"),
          "t.id");

  static final RowMapper<ExternalTaskView> VIEW =
      rs -> {
        ExternalTaskRow row = ExternalTaskRows.MAPPER.map(rs);
        return new ExternalTaskView(
            row.id(),
            row.topic(),
            row.workerId(),
            row.lockExpiresAt(),
            row.executionId(),
            row.processInstanceId(),
            row.processDefinitionId(),
            row.processDefinitionKey(),
            row.activityId(),
            row.businessKey(),
            row.retries(),
            row.errorMessage(),
            row.priority(),
            row.suspended(),
            row.tenantId(),
            row.createdAt());
      };

  private ExternalTaskQueries() {}

  static ListQuery tasks(CommandContext context, ExternalTaskFilter filter, int first, int max)
      throws SQLException {
    ListQuery.Builder query = TASKS.query();
    query.whereIfSet("t.id = ?", filter.externalTaskId());
    query.whereIfSet("t.topic = ?", filter.topicName());
    query.whereIfSet("t.worker_id = ?", filter.workerId());
    query.whereIfSet("t.process_instance_id = ?", filter.processInstanceId());
    query.whereIfSet("t.execution_id = ?", filter.executionId());
    query.whereIfSet("t.activity_id = ?", filter.activityId());
    query.whereIfSet("t.process_definition_id = ?", filter.processDefinitionId());
    query.whereIfSet("t.process_definition_key = ?", filter.processDefinitionKey());
    if (filter.locked() != null) {
      Object now = context.now();
      query.where(
          filter.locked()
              ? "t.lock_expires_at IS NOT NULL AND t.lock_expires_at > ?"
              : "(t.lock_expires_at IS NULL OR t.lock_expires_at <= ?)",
          now);
    }
    if (filter.noRetriesLeft() != null) {
      query.where(
          filter.noRetriesLeft() ? "t.retries = 0" : "(t.retries IS NULL OR t.retries > 0)");
    }
    return query
        .orderBy("createdAt", SortDirection.ASC)
        .page(first, max)
        .authorizationFilter(
            context.listFilter(
                ResourceType.EXTERNAL_TASK,
                Permission.READ,
                "t.id",
                ListTarget.TenantOf.column("t.tenant_id")))
        .build();
  }
}

package io.bulwark.engine.instance;

import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
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
import java.sql.SQLException;
import java.util.Map;

/**
 * The one list query of running process instances (W8): their root executions joined with the
 * definition, filters as bound parameters (E5), and the caller's authorization filter (Z2, Z3) on
 * {@code PROCESS_INSTANCE READ} applied to list and count alike.
 */
final class ProcessInstanceQueries {

  static final QueryShape SHAPE =
      QueryShape.of(
          "process instance",
          "e.id, e.process_definition_id, d.def_key, d.version, e.business_key, e.started_by,"
              + " e.started_at, e.suspended, e.tenant_id",
          "bw_execution e JOIN bw_process_definition d ON d.id = e.process_definition_id",
          Map.of("startTime", "e.started_at", "id", "e.id"),
          "e.id");

  static final RowMapper<ProcessInstanceView> MAPPER =
      rs ->
          new ProcessInstanceView(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getInt(4),
              rs.getString(5),
              rs.getString(6),
              SqlValues.requiredInstant(rs, "started_at"),
              rs.getBoolean(8),
              rs.getString(9));

  private ProcessInstanceQueries() {}

  /** The rows the READ filter restricts: root executions and their definition's key (Z3). */
  static final ListTarget TARGET =
      ListTarget.instances("e.id", "e.started_by", "d.def_key", "e.tenant_id");

  static ListQuery instances(CommandContext context, ProcessInstanceQuery query)
      throws SQLException {
    return instances(query, context.listFilter(TARGET, Permission.READ));
  }

  /** The list of {@code query} with {@code filter} as its authorization filter (Z2, Z3). */
  static ListQuery instances(ProcessInstanceQuery query, SqlFilter filter) {
    ListQuery.Builder builder = SHAPE.query().where("e.parent_id IS NULL");
    builder.whereIfSet("d.def_key = ?", query.processDefinitionKey());
    builder.whereIfSet("e.process_definition_id = ?", query.processDefinitionId());
    builder.whereIfSet("e.business_key = ?", query.businessKey());
    builder.whereIfSet("e.started_by = ?", query.startedBy());
    if (query.processInstanceIds() != null) {
      if (query.processInstanceIds().size() > ListQuery.Builder.MAX_IN_VALUES) {
        throw ValidationException.of(
            "processInstanceIds",
            "maxItems",
            "processInstanceIds has "
                + query.processInstanceIds().size()
                + " ids; at most "
                + ListQuery.Builder.MAX_IN_VALUES
                + " are allowed (W11)");
      }
      builder.whereIn("e.id", query.processInstanceIds().stream().sorted().toList());
    }
    if (query.suspension() != null) {
      builder.where(
          "e.suspended = ?", query.suspension() == ProcessInstanceQuery.Suspension.SUSPENDED);
    }
    String sortKey =
        switch (query.sortBy()) {
          case START_TIME -> "startTime";
          case ID -> "id";
        };
    return builder
        .orderBy(sortKey, SortDirection.valueOf(query.sortOrder().name()))
        .page(query.firstResult(), query.maxResults())
        .authorizationFilter(filter)
        .build();
  }
}

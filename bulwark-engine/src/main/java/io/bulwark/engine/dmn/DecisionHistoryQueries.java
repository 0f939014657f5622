package io.bulwark.engine.dmn;

import io.bulwark.engine.api.HistoricDecisionInstance;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SortDirection;
import io.bulwark.engine.command.SqlValues;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The list query of the decision history (W8): filters as bound parameters (E5), and the caller's
 * authorization filter applied to list and count alike (Z2, Z3): READ_HISTORY on the decision
 * definition's key (and its tenant), and, for a decision evaluated in a process instance, the
 * READ_HISTORY filter of that instance (case security, as the historic process instance list).
 */
final class DecisionHistoryQueries {

  static final QueryShape INSTANCES =
      QueryShape.of(
          "historic decision instance",
          "h.id, h.decision_definition_id, h.decision_definition_key, h.decision_definition_name,"
              + " h.decision_version, h.evaluated_at, h.process_definition_id,"
              + " h.process_definition_key, h.process_instance_id, h.activity_id,"
              + " h.activity_instance_id, h.tenant_id, h.user_id, h.root_decision_instance_id,"
              + " h.collect_result_value",
          "bw_hi_decision_instance h",
          Map.of("evaluationTime", "h.evaluated_at", "tenantId", "h.tenant_id"),
          "h.id");

  static final RowMapper<HistoricDecisionInstance> INSTANCE =
      rs ->
          new HistoricDecisionInstance(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getInt(5),
              SqlValues.requiredInstant(rs, "evaluated_at"),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              rs.getString(11),
              rs.getString(12),
              rs.getString(13),
              rs.getString(14),
              SqlValues.nullableDouble(rs, "collect_result_value"),
              null,
              null);

  private DecisionHistoryQueries() {}

  /** The decision instances that match {@code query} and that the actor may read (Z2, Z3). */
  static ListQuery instances(CommandContext context, HistoricDecisionInstanceQuery query)
      throws SQLException {
    ListQuery.Builder builder = INSTANCES.query();
    optional(builder, "h.id = ?", query.decisionInstanceId());
    optional(builder, "h.decision_definition_id = ?", query.decisionDefinitionId());
    optional(builder, "h.decision_definition_key = ?", query.decisionDefinitionKey());
    optional(builder, "h.process_instance_id = ?", query.processInstanceId());
    optional(builder, "h.process_definition_key = ?", query.processDefinitionKey());
    if (query.activityIds() != null) {
      builder.whereIn("h.activity_id", query.activityIds());
    }
    if (query.tenantIds() != null) {
      builder.whereIn("h.tenant_id", query.tenantIds());
    }
    optional(builder, "h.evaluated_at >= ?", query.evaluatedAfter());
    optional(builder, "h.evaluated_at <= ?", query.evaluatedBefore());
    String sortKey =
        switch (query.sortBy()) {
          case EVALUATION_TIME -> "evaluationTime";
          case TENANT_ID -> "tenantId";
        };
    return builder
        .orderBy(sortKey, SortDirection.valueOf(query.sortOrder().name()))
        .page(query.firstResult(), query.maxResults())
        .authorizationFilter(filter(context))
        .build();
  }

  /**
   * READ_HISTORY on the decision key, and, when the decision ran in a process instance, on that
   * instance as case security decides (Z3).
   */
  private static SqlFilter filter(CommandContext context) throws SQLException {
    SqlFilter decisions =
        context.listFilter(
            ListTarget.ids(
                ResourceType.DECISION_DEFINITION,
                "h.decision_definition_key",
                ListTarget.TenantOf.column("h.tenant_id")),
            Permission.READ_HISTORY);
    SqlFilter instances =
        context.listFilter(
            ListTarget.instances(
                "h.process_instance_id", "h.started_by", "h.process_definition_key", "h.tenant_id"),
            Permission.READ_HISTORY);
    if (decisions.isUnrestricted() && instances.isUnrestricted()) {
      return SqlFilter.unrestricted(
          "READ_HISTORY on every decision definition and process instance");
    }
    List<String> parts = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (!decisions.isUnrestricted()) {
      parts.add("(" + decisions.condition() + ")");
      values.addAll(decisions.parameters());
    }
    if (!instances.isUnrestricted()) {
      parts.add("(h.process_instance_id IS NULL OR (" + instances.condition() + "))");
      values.addAll(instances.parameters());
    }
    return SqlFilter.of(String.join(" AND ", parts), values.toArray());
  }

  private static void optional(
      ListQuery.Builder builder, String condition, @Nullable Object value) {
    if (value != null) {
      builder.where(condition, value);
    }
  }
}

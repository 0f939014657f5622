package io.bulwark.engine.authz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenants in case security (Z3): a row that belongs to a tenant is visible only to members of that
 * tenant (directly in {@code bw_tenant_user} or through a group in {@code bw_tenant_group}), on top
 * of every other rule; rows without a tenant are unaffected. A holder of READ on all tenants
 * ({@code TENANT *}, the administrators) sees every tenant. Memberships are read in the query
 * itself, so a membership change counts on the next call on every node. Stateless.
 */
final class TenantScope {

  /** The rule that lets a subject see every tenant: READ on TENANT {@code *}. */
  static final GrantRepository.Wanted ALL_TENANTS =
      new GrantRepository.Wanted(ResourceType.TENANT, Permission.READ, Requirement.ANY);

  /**
   * Where one row of a type is found by its ID and where its tenant is read: the same tenant as its
   * list query's filter reads, so a row answers by ID exactly as it shows in its list.
   */
  private record RowTenant(String table, String idColumn, ListTarget.TenantOf tenant) {}

  /**
   * The types whose single rows are checked here after their grants; tasks and instances are
   * checked with case security in {@link GrantChecker}.
   */
  private static final Map<ResourceType, RowTenant> ROWS =
      Map.of(
          ResourceType.DEPLOYMENT,
          new RowTenant("bw_deployment d", "d.id", ListTarget.TenantOf.column("d.tenant_id")),
          ResourceType.JOB,
          new RowTenant(
              "bw_job j", "j.id", ListTarget.TenantOf.ofInstance("j.process_instance_id")),
          ResourceType.INCIDENT,
          new RowTenant(
              "bw_incident i", "i.id", ListTarget.TenantOf.ofInstance("i.process_instance_id")),
          ResourceType.EXTERNAL_TASK,
          new RowTenant("bw_external_task t", "t.id", ListTarget.TenantOf.column("t.tenant_id")));

  private TenantScope() {}

  /** Whether single rows of {@code type} are checked by {@link #foreignTenant}. */
  static boolean checksRowsOf(ResourceType type) {
    return ROWS.containsKey(type);
  }

  /**
   * The tenant of the row {@code id} of {@code type} when the subject is not a member of it
   * (directly or through a group); empty when the row has no tenant, is of one of the subject's
   * tenants, or does not exist. One statement on the row's primary key.
   */
  static Optional<String> foreignTenant(
      Connection connection, Subject subject, ResourceType type, String id) throws SQLException {
    RowTenant row = ROWS.get(type);
    if (row == null) {
      throw new IllegalArgumentException("no single-row tenant check for " + type);
    }
    String tenant = row.tenant().expression();
    CaseSecurity.Sql visible = visible(tenant, subject);
    String sql =
        "SELECT "
            + tenant
            + ", CASE WHEN "
            + visible.text()
            + " THEN 1 ELSE 0 END FROM "
            + row.table()
            + " WHERE "
            + row.idColumn()
            + " = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object value : visible.values()) {
        statement.setString(index++, (String) value);
      }
      statement.setString(index, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(2) == 0
            ? Optional.ofNullable(rs.getString(1))
            : Optional.empty();
      }
    }
  }

  /**
   * The condition "the row's tenant, in {@code tenant}, is none or one of the subject's", or
   * unrestricted for a holder of READ on all tenants; for statements that select rows by other
   * rights than READ on them (fetch-and-lock selects by FETCH_TOPIC).
   */
  static SqlFilter rowsOfOwnTenants(
      Connection connection, Subject subject, ListTarget.TenantOf tenant) throws SQLException {
    Optional<Decision> all =
        allTenants(GrantRepository.rulesOf(connection, subject, List.of(ALL_TENANTS)));
    if (all.isPresent()) {
      return SqlFilter.unrestricted(all.get().rule());
    }
    CaseSecurity.Sql visible = visible(tenant.expression(), subject);
    return SqlFilter.of(visible.text(), visible.values().toArray());
  }

  /**
   * The granted rule on all tenants, if {@code rules} (read with {@link #ALL_TENANTS}) hold one.
   */
  static Optional<Decision> allTenants(List<Grant> rules) {
    return new GrantRules(
            Permission.READ,
            rules.stream().filter(rule -> rule.resourceType() == ResourceType.TENANT).toList())
        .decideUnnamed()
        .filter(Decision::isGranted);
  }

  /**
   * The condition "the row's tenant, in {@code tenantExpression}, is none or one the subject is a
   * member of": semi-joins on the membership tables' primary keys (tenant, user) and (tenant,
   * group), probed per row. Written as correlated {@code EXISTS} so that the planner keeps driving
   * the query from the rows the other conditions select (a task list stays an index lookup) instead
   * of scanning the table for the tenant condition.
   */
  static CaseSecurity.Sql visible(String tenantExpression, Subject subject) {
    List<Object> values = new ArrayList<>();
    StringBuilder text =
        new StringBuilder("(")
            .append(tenantExpression)
            .append(" IS NULL OR EXISTS (SELECT 1 FROM bw_tenant_user mu WHERE mu.tenant_id = ")
            .append(tenantExpression)
            .append(" AND mu.user_id = ?)");
    values.add(subject.userId());
    if (!subject.groupIds().isEmpty()) {
      text.append(" OR EXISTS (SELECT 1 FROM bw_tenant_group mg WHERE mg.tenant_id = ")
          .append(tenantExpression)
          .append(" AND mg.group_id IN (")
          .append(GrantRepository.marks(subject.groupIds().size()))
          .append("))");
      values.addAll(subject.groupIds().stream().sorted().toList());
    }
    return new CaseSecurity.Sql(text.append(')').toString(), values);
  }

  /** Restricts {@code filter} to the rows of the subject's tenants and rows without a tenant. */
  static SqlFilter restrict(SqlFilter filter, String tenantExpression, Subject subject) {
    if (!filter.isUnrestricted() && "1 = 0".equals(filter.condition())) {
      return filter;
    }
    CaseSecurity.Sql visible = visible(tenantExpression, subject);
    List<Object> values = new ArrayList<>(filter.parameters());
    values.addAll(visible.values());
    if (filter.isUnrestricted()) {
      return SqlFilter.of(visible.text(), visible.values().toArray());
    }
    return SqlFilter.of("(" + filter.condition() + ") AND " + visible.text(), values.toArray());
  }
}

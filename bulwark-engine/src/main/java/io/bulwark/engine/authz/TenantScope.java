package io.bulwark.engine.authz;

import java.util.ArrayList;
import java.util.List;
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

  private TenantScope() {}

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

package io.bulwark.engine.authz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The engine's authorization checker (Z1, Z2, Z3): a task or instance of a tenant the user is not a
 * member of is denied first ({@link TenantScope}); then it decides from the stored rules ({@link
 * GrantRules}), then from case security ({@link CaseSecurity}), then denies by default. List
 * filters get the same tenant restriction in SQL. Every decision reads the rules in the command's
 * transaction (one statement, two when case security has to look at the task or instance), so a
 * grant, a revoke or a membership change counts on the next call on every node. Stateless and
 * thread-safe.
 */
public final class GrantChecker implements AuthorizationChecker {

  private static final String TASK_CASE =
      "SELECT t.process_definition_key, CASE WHEN %s THEN 1 ELSE 0 END, t.tenant_id,"
          + " CASE WHEN %s THEN 1 ELSE 0 END FROM bw_task t WHERE t.id = ?";
  private static final String RUNTIME_INSTANCE_CASE =
      "SELECT d.def_key, CASE WHEN %s THEN 1 ELSE 0 END, e.tenant_id,"
          + " CASE WHEN %s THEN 1 ELSE 0 END FROM bw_execution e"
          + " JOIN bw_process_definition d ON d.id = e.process_definition_id"
          + " WHERE e.id = ? AND e.parent_id IS NULL";
  private static final String HISTORIC_INSTANCE_CASE =
      "SELECT h.process_definition_key, CASE WHEN %s THEN 1 ELSE 0 END, h.tenant_id,"
          + " CASE WHEN %s THEN 1 ELSE 0 END FROM bw_hi_process_instance h WHERE h.id = ?";

  @Override
  public Decision decide(Connection connection, Subject subject, Requirement.PermissionCheck check)
      throws SQLException {
    ResourceType type = check.resourceType();
    Permission permission = check.permission();
    Optional<Permission> byDefinition = CaseSecurity.definitionPermission(type, permission);
    List<GrantRepository.Wanted> wanted = new ArrayList<>();
    wanted.add(new GrantRepository.Wanted(type, permission, check.resourceId()));
    byDefinition.ifPresent(
        p -> wanted.add(new GrantRepository.Wanted(ResourceType.PROCESS_DEFINITION, p, null)));
    boolean tenanted =
        (type == ResourceType.TASK || type == ResourceType.PROCESS_INSTANCE)
            && !Requirement.ANY.equals(check.resourceId());
    // Deployments, jobs, incidents and external tasks of another tenant: decided after the grants,
    // so that such a row answers exactly like a missing one (Z2, Z3).
    boolean rowTenanted =
        TenantScope.checksRowsOf(type) && !Requirement.ANY.equals(check.resourceId());
    if (tenanted || rowTenanted) {
      wanted.add(TenantScope.ALL_TENANTS);
    }
    List<Grant> rules = GrantRepository.rulesOf(connection, subject, wanted);
    Optional<Case> found = Optional.empty();
    boolean read = false;
    if (tenanted && TenantScope.allTenants(rules).isEmpty()) {
      found = findCase(connection, subject, type, check.resourceId());
      read = true;
      if (found.isPresent() && !found.get().tenantVisible()) {
        return Decision.denied(
            notMember(subject, type, check.resourceId(), found.get().tenantId()));
      }
    }
    Optional<Decision> explicit = rulesOn(type, permission, rules).decide(check.resourceId());
    if (explicit.isPresent()) {
      return explicit.get().isGranted() && rowTenanted
          ? hiddenIfForeign(connection, subject, check, rules, explicit.get())
          : explicit.get();
    }
    if (type == ResourceType.USER
        && permission == Permission.READ
        && check.resourceId().equals(subject.userId())) {
      // A user reads their own profile without a grant (Z9), unless a rule above revoked it.
      return Decision.granted("self (Z9): user " + subject.userId() + " reads their own profile");
    }
    boolean involvement = CaseSecurity.involvementGrants(type, permission);
    if (!Requirement.ANY.equals(check.resourceId()) && (involvement || byDefinition.isPresent())) {
      if (!read) {
        found = findCase(connection, subject, type, check.resourceId());
      }
      if (found.isPresent() && found.get().involved() && involvement) {
        return Decision.granted(
            "case security (Z3): user "
                + subject.userId()
                + " is involved in "
                + type
                + " "
                + check.resourceId());
      }
      if (found.isPresent() && byDefinition.isPresent() && found.get().definitionKey() != null) {
        Optional<Decision> onDefinition =
            rulesOn(ResourceType.PROCESS_DEFINITION, byDefinition.get(), rules)
                .decide(found.get().definitionKey());
        if (onDefinition.isPresent() && onDefinition.get().isGranted()) {
          return new Decision(
              Decision.Outcome.GRANTED,
              onDefinition.get().rule() + ", which implies " + permission + " on its " + type,
              onDefinition.get().ruleId());
        }
      }
    }
    return defaultDeny(subject, check);
  }

  @Override
  public SqlFilter listFilter(
      Connection connection, Subject subject, ListTarget target, Permission permission)
      throws SQLException {
    return compile(
        subject,
        target,
        permission,
        GrantRepository.rulesOf(connection, subject, wanted(target, permission)),
        CaseSecurity.TaskLookup.of(connection));
  }

  /**
   * The filter of a subject without rules about the list: case security and the tenant restriction
   * alone, and the condition that the rules {@link #listFilter} reads are none (issue 13).
   */
  @Override
  public Optional<PresumedFilter> presumedListFilter(
      Connection connection, Subject subject, ListTarget target, Permission permission)
      throws SQLException {
    CaseSecurity.Sql none = GrantRepository.noRulesOf(subject, wanted(target, permission));
    CaseSecurity.TaskLookup lookup = CaseSecurity.TaskLookup.of(connection);
    return Optional.of(
        new PresumedFilter(
            compile(subject, target, permission, List.of(), lookup),
            SqlFilter.of(none.text(), none.values().toArray()),
            presumedKeys(subject, target, permission, lookup)));
  }

  /**
   * The keys of the tasks the presumed filter lets through: without rules, those the subject is
   * involved in (when that grants the permission) and may see by their tenant (Z3), each once with
   * its creation time. On PostgreSQL only, whose indexes hold these columns (V331); H2 reads the
   * tasks.
   */
  private static Optional<RowKeys> presumedKeys(
      Subject subject, ListTarget target, Permission permission, CaseSecurity.TaskLookup lookup) {
    if (!(target instanceof ListTarget.Tasks)
        || lookup != CaseSecurity.TaskLookup.ARRAY
        || !CaseSecurity.involvementGrants(target.type(), permission)) {
      return Optional.empty();
    }
    CaseSecurity.Sql involved = CaseSecurity.involvedTaskKeys(subject);
    CaseSecurity.Sql tenant = TenantScope.visible("m.tenant_id", subject);
    List<Object> values = new ArrayList<>(involved.values());
    values.addAll(tenant.values());
    return Optional.of(
        new RowKeys(
            "SELECT DISTINCT m.id, m.created_at FROM ("
                + involved.text()
                + ") m WHERE "
                + tenant.text(),
            values,
            List.of("id", "created_at")));
  }

  /** The rules a list filter depends on: on the rows, on their definitions, on all tenants. */
  private static List<GrantRepository.Wanted> wanted(ListTarget target, Permission permission) {
    List<GrantRepository.Wanted> wanted = new ArrayList<>();
    wanted.add(new GrantRepository.Wanted(target.type(), permission, null));
    byDefinition(target, permission)
        .ifPresent(
            p -> wanted.add(new GrantRepository.Wanted(ResourceType.PROCESS_DEFINITION, p, null)));
    if (target.tenant() != null) {
      wanted.add(TenantScope.ALL_TENANTS);
    }
    return wanted;
  }

  private static Optional<Permission> byDefinition(ListTarget target, Permission permission) {
    return target instanceof ListTarget.Ids
        ? Optional.empty()
        : CaseSecurity.definitionPermission(target.type(), permission);
  }

  /** The list filter from the subject's rules read with {@link #wanted}. */
  private static SqlFilter compile(
      Subject subject,
      ListTarget target,
      Permission permission,
      List<Grant> rules,
      CaseSecurity.TaskLookup lookup) {
    GrantRules own = rulesOn(target.type(), permission, rules);
    SqlFilter filter =
        FilterCompiler.compile(
            subject,
            target,
            own,
            byDefinition(target, permission)
                .map(p -> rulesOn(ResourceType.PROCESS_DEFINITION, p, rules)),
            lookup);
    ListTarget.TenantOf tenant = target.tenant();
    return tenant == null || TenantScope.allTenants(rules).isPresent()
        ? filter
        : TenantScope.restrict(filter, tenant.expression(), subject);
  }

  /**
   * A granted decision on one deployment, job, incident or external task, unless the row belongs to
   * a tenant the subject is not a member of: then hidden, so the caller gets the answer a missing
   * row gets (Z3).
   */
  private static Decision hiddenIfForeign(
      Connection connection,
      Subject subject,
      Requirement.PermissionCheck check,
      List<Grant> rules,
      Decision granted)
      throws SQLException {
    if (TenantScope.allTenants(rules).isPresent()) {
      return granted;
    }
    Optional<String> foreign =
        TenantScope.foreignTenant(connection, subject, check.resourceType(), check.resourceId());
    return foreign.isEmpty()
        ? granted
        : Decision.hidden(
            notMember(subject, check.resourceType(), check.resourceId(), foreign.get()));
  }

  private static String notMember(
      Subject subject, ResourceType type, String resourceId, @Nullable String tenantId) {
    return "tenant (Z3): "
        + type
        + " "
        + resourceId
        + " belongs to tenant "
        + tenantId
        + ", and user "
        + subject.userId()
        + " is not a member of it, directly or through a group";
  }

  @Override
  public SqlFilter tenantFilter(Connection connection, Subject subject, ListTarget.TenantOf tenant)
      throws SQLException {
    return TenantScope.rowsOfOwnTenants(connection, subject, tenant);
  }

  /** The explicit default deny that ends every rule list (Z1). */
  static Decision defaultDeny(Subject subject, Requirement.PermissionCheck check) {
    return Decision.denied(
        "default deny (Z1): no rule grants "
            + check.permission()
            + " on "
            + check.resourceType()
            + " "
            + check.resourceId()
            + " to user "
            + subject.userId());
  }

  private static GrantRules rulesOn(ResourceType type, Permission permission, List<Grant> rules) {
    return new GrantRules(
        permission, rules.stream().filter(rule -> rule.resourceType() == type).toList());
  }

  /**
   * The definition key of a task or instance, whether the subject is involved in it, its tenant and
   * whether the subject may see that tenant's rows (Z3).
   */
  private record Case(
      String definitionKey, boolean involved, String tenantId, boolean tenantVisible) {}

  private static Optional<Case> findCase(
      Connection connection, Subject subject, ResourceType type, String id) throws SQLException {
    if (type == ResourceType.TASK) {
      return readCase(
          connection,
          TASK_CASE,
          CaseSecurity.involvedInTask("t.id", subject, CaseSecurity.TaskLookup.of(connection)),
          "t",
          subject,
          id);
    }
    Optional<Case> running =
        readCase(
            connection,
            RUNTIME_INSTANCE_CASE,
            CaseSecurity.involvedInInstance("e.id", "e.started_by", subject),
            "e",
            subject,
            id);
    if (running.isPresent()) {
      return running;
    }
    return readCase(
        connection,
        HISTORIC_INSTANCE_CASE,
        CaseSecurity.involvedInInstance("h.id", "h.started_by", subject),
        "h",
        subject,
        id);
  }

  private static Optional<Case> readCase(
      Connection connection,
      String sql,
      CaseSecurity.Sql involved,
      String alias,
      Subject subject,
      String id)
      throws SQLException {
    CaseSecurity.Sql tenant = TenantScope.visible(alias + ".tenant_id", subject);
    try (PreparedStatement statement =
        connection.prepareStatement(sql.formatted(involved.text(), tenant.text()))) {
      int index = 1;
      for (Object value : involved.values()) {
        statement.setString(index++, (String) value);
      }
      for (Object value : tenant.values()) {
        statement.setString(index++, (String) value);
      }
      statement.setString(index, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? Optional.of(
                new Case(
                    row.getString(1), row.getInt(2) == 1, row.getString(3), row.getInt(4) == 1))
            : Optional.empty();
      }
    }
  }
}

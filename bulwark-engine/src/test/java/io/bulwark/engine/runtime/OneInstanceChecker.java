package io.bulwark.engine.runtime;

import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.authz.Subject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A checker for list-filter tests: grants every check, and restricts every list to the one instance
 * in {@link #visible} (all lists when it is null), recording what each list asked for.
 */
final class OneInstanceChecker implements AuthorizationChecker {

  /** One list filter request: the resource type, permission and id column. */
  record Asked(ResourceType type, Permission permission, String idColumn) {}

  final List<Asked> lists = new CopyOnWriteArrayList<>();
  final List<Requirement.PermissionCheck> checks = new CopyOnWriteArrayList<>();
  volatile String visible;

  @Override
  public Decision decide(
      java.sql.Connection connection, Subject subject, Requirement.PermissionCheck check) {
    checks.add(check);
    return Decision.granted("test grants");
  }

  @Override
  public SqlFilter tenantFilter(
      java.sql.Connection connection, Subject subject, ListTarget.TenantOf tenant) {
    return SqlFilter.unrestricted("test shows all tenants");
  }

  @Override
  public SqlFilter listFilter(
      java.sql.Connection connection, Subject subject, ListTarget target, Permission permission) {
    lists.add(new Asked(target.type(), permission, target.idColumn()));
    return visible == null
        ? SqlFilter.unrestricted("test shows all")
        : SqlFilter.of(target.idColumn() + " = ?", visible);
  }
}

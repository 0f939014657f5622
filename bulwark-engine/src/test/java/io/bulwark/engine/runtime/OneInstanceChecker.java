package io.bulwark.engine.runtime;

import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import java.util.List;
import java.util.Set;
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
  public Decision decide(String userId, Set<String> groups, Requirement.PermissionCheck check) {
    checks.add(check);
    return Decision.granted("test grants");
  }

  @Override
  public SqlFilter listFilter(
      String userId, Set<String> groups, ResourceType type, Permission permission, String column) {
    lists.add(new Asked(type, permission, column));
    return visible == null
        ? SqlFilter.unrestricted("test shows all")
        : SqlFilter.of(column + " = ?", visible);
  }
}

package io.bulwark.engine.identity;

import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.authz.Subject;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A checker for the identity tests: records every check and list filter the executor asks for, and
 * grants all, or denies all while {@link #denyAll} is set.
 */
final class RecordingChecker implements AuthorizationChecker {

  /** One list filter request. */
  record Listed(ResourceType type, Permission permission, String idColumn) {}

  final List<Requirement.PermissionCheck> asked = new CopyOnWriteArrayList<>();
  final List<Listed> listed = new CopyOnWriteArrayList<>();
  volatile boolean denyAll;

  @Override
  public Decision decide(
      Connection connection, Subject subject, Requirement.PermissionCheck check) {
    asked.add(check);
    return denyAll ? Decision.denied("test denies all") : Decision.granted("test grants all");
  }

  @Override
  public SqlFilter tenantFilter(
      java.sql.Connection connection, Subject subject, ListTarget.TenantOf tenant) {
    return denyAll ? SqlFilter.of("1 = 0") : SqlFilter.unrestricted("test shows all");
  }

  @Override
  public SqlFilter listFilter(
      Connection connection, Subject subject, ListTarget target, Permission permission) {
    listed.add(new Listed(target.type(), permission, target.idColumn()));
    return denyAll ? SqlFilter.of("1 = 0") : SqlFilter.unrestricted("test shows all");
  }

  void clear() {
    asked.clear();
    listed.clear();
  }
}

package io.bulwark.engine.identity;

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
  public Decision decide(String userId, Set<String> groups, Requirement.PermissionCheck check) {
    asked.add(check);
    return denyAll ? Decision.denied("test denies all") : Decision.granted("test grants all");
  }

  @Override
  public SqlFilter listFilter(
      String userId, Set<String> groups, ResourceType type, Permission permission, String column) {
    listed.add(new Listed(type, permission, column));
    return denyAll ? SqlFilter.of("1 = 0") : SqlFilter.unrestricted("test shows all");
  }

  void clear() {
    asked.clear();
    listed.clear();
  }
}

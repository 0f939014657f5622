package io.bulwark.engine.authz;

import java.sql.Connection;

/**
 * TEST ONLY: grants every check and restricts no list. For tests of the command layer, persistence
 * and execution that are not about authorization; tests of authorization use {@link GrantChecker}.
 */
public final class GrantEverythingTestChecker implements AuthorizationChecker {

  private static final String RULE = "test checker that grants everything";

  @Override
  public Decision decide(
      Connection connection, Subject subject, Requirement.PermissionCheck check) {
    return Decision.granted(RULE);
  }

  @Override
  public SqlFilter tenantFilter(
      java.sql.Connection connection, Subject subject, ListTarget.TenantOf tenant) {
    return SqlFilter.unrestricted(RULE);
  }

  @Override
  public SqlFilter listFilter(
      Connection connection, Subject subject, ListTarget target, Permission permission) {
    return SqlFilter.unrestricted(RULE);
  }
}

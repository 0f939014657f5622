package io.bulwark.engine.authz;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEMPORARY: grants everything. It exists only so that the command layer can be built and tested
 * before the real rule engine (item 8) lands; it must never be the default of a running server.
 * Creating one logs a warning.
 */
public final class AllowAllAuthorizationChecker implements AuthorizationChecker {

  private static final Logger LOG = LoggerFactory.getLogger(AllowAllAuthorizationChecker.class);
  private static final String RULE = "allow-all checker (temporary, development only)";

  public AllowAllAuthorizationChecker() {
    LOG.warn("Authorization is not enforced: {}", RULE);
  }

  @Override
  public Decision decide(String userId, Set<String> groupIds, Requirement.PermissionCheck check) {
    return Decision.granted(RULE);
  }

  @Override
  public SqlFilter listFilter(
      String userId,
      Set<String> groupIds,
      ResourceType resourceType,
      Permission permission,
      String idColumn) {
    return SqlFilter.unrestricted(RULE);
  }
}

package io.bulwark.engine.location;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LocationRuleSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lockout prevention for location rules (Z5): a change after which no administrator (an enabled
 * user holding ALL on AUTHORIZATION *, directly or through a group, as {@code
 * authz.AdministratorGuard} counts them) may reach every one of {@link
 * LocationRuleService#ADMINISTRATION_PATHS} is refused, when one could before. Stateless.
 */
final class AdministratorReach {

  private static final String ADMINISTRATION_GRANT =
      " FROM bw_authorization a JOIN bw_authorization_permission p ON p.authorization_id = a.id"
          + " WHERE a.resource_type = 'AUTHORIZATION' AND a.resource_id = '*'"
          + " AND p.permission = 'ALL' AND a.rule_type IN ('GRANT', 'GLOBAL')";

  /** Every enabled administrator with each of its groups (one row without group if none). */
  private static final String ADMINISTRATORS =
      "SELECT u.id, m.group_id FROM bw_user u LEFT JOIN bw_membership m ON m.user_id = u.id"
          + " WHERE u.disabled = FALSE AND (u.id IN (SELECT a.user_id"
          + ADMINISTRATION_GRANT
          + ") OR u.id IN (SELECT gm.user_id FROM bw_membership gm WHERE gm.group_id IN"
          + " (SELECT a.group_id"
          + ADMINISTRATION_GRANT
          + ")))";

  private AdministratorReach() {}

  /**
   * Refuses {@code after} when an administrator could reach the administration paths with {@code
   * before} and none can with {@code after}.
   *
   * @throws ConflictException naming Z5
   */
  static void refuseLockout(Connection c, List<LocationRule> before, List<LocationRule> after)
      throws SQLException {
    Map<String, Set<String>> administrators = administrators(c);
    if (anyReaches(administrators, before) && !anyReaches(administrators, after)) {
      throw new ConflictException(
          "the change would leave no administrator able to reach "
              + String.join(" and ", LocationRuleService.ADMINISTRATION_PATHS)
              + " (Z5)");
    }
  }

  private static boolean anyReaches(
      Map<String, Set<String>> administrators, List<LocationRule> rules) {
    LocationRuleSet set = new LocationRuleSet(0, rules);
    return administrators.entrySet().stream()
        .anyMatch(
            admin ->
                LocationRuleService.ADMINISTRATION_PATHS.stream()
                    .allMatch(
                        path -> set.decide(path, admin.getKey(), admin.getValue()).allowed()));
  }

  private static Map<String, Set<String>> administrators(Connection c) throws SQLException {
    Map<String, Set<String>> administrators = new LinkedHashMap<>();
    try (PreparedStatement read = c.prepareStatement(ADMINISTRATORS);
        ResultSet rows = read.executeQuery()) {
      while (rows.next()) {
        Set<String> groups =
            administrators.computeIfAbsent(rows.getString(1), id -> new HashSet<>());
        String group = rows.getString(2);
        if (group != null) {
          groups.add(group);
        }
      }
    }
    return administrators;
  }
}

package io.bulwark.engine.location;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LocationRuleSet;
import io.bulwark.engine.authz.AdministratorGuard;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lockout prevention for location rules (Z5): a change after which no administrator (an enabled
 * user to whom the rules grant administering authorizations, as {@link AdministratorGuard} counts
 * them) may reach every one of {@link LocationRuleService#ADMINISTRATION_PATHS} is refused, when
 * one could before. Stateless.
 */
final class AdministratorReach {

  private AdministratorReach() {}

  /**
   * Refuses {@code after} when an administrator could reach the administration paths with {@code
   * before} and none can with {@code after}.
   *
   * @throws ConflictException naming Z5
   */
  static void refuseLockout(Connection c, List<LocationRule> before, List<LocationRule> after)
      throws SQLException {
    Map<String, Set<String>> administrators = AdministratorGuard.administrators(c);
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
}

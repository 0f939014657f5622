package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How every change of the location rules runs (Z4, Z5): lock the rule set and raise its version,
 * read the rules, apply the change to the list, refuse a lockout, store the new list. Stateless.
 */
final class LocationRuleChange {

  private LocationRuleChange() {}

  /** Applies {@code change} to the ordered rules and stores the result, numbered anew. */
  static List<LocationRule> apply(Connection c, UnaryOperator<List<LocationRule>> change)
      throws SQLException {
    LocationRuleRepository.lockAndRaiseVersion(c);
    List<LocationRule> before = LocationRuleRepository.rules(c);
    List<LocationRule> after = change.apply(new ArrayList<>(before));
    AdministratorReach.refuseLockout(c, before, after);
    return LocationRuleRepository.replaceAll(c, after);
  }

  /** The place of the rule with that ID in the list. */
  static int indexOf(List<LocationRule> rules, String ruleId) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(ruleId)) {
        return i;
      }
    }
    throw new NotFoundException("no location rule " + ruleId);
  }
}

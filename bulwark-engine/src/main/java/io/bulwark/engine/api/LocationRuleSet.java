package io.bulwark.engine.api;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ordered location rules at one version (Z4): the first rule that matches the path and applies
 * to the caller decides; when none does, the implicit deny-all at the end does. Immutable.
 *
 * @param version rises with every change of the stored rules
 */
public record LocationRuleSet(long version, List<LocationRule> rules) {

  public LocationRuleSet {
    rules = List.copyOf(rules);
  }

  /**
   * The decision for a caller on a path.
   *
   * @param path the request path without context path and query, as the request firewall normalized
   *     it
   * @param userId the signed-in user, or null for an anonymous caller
   * @param groups the user's groups (empty for anonymous)
   */
  public LocationDecision decide(String path, @Nullable String userId, Set<String> groups) {
    for (LocationRule rule : rules) {
      if (rule.matches(path) && rule.appliesTo(userId, groups)) {
        return LocationDecision.by(rule);
      }
    }
    return new LocationDecision(false, LocationDecision.IMPLICIT_DENY, null);
  }
}

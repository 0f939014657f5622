package io.bulwark.server.location;

import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LocationRuleSet;
import java.util.List;
import java.util.Optional;

/**
 * This node's copy of the location rules (Z4), fresh on every request: {@link #current()} reads the
 * stored version (one short engine command, one number) and reloads the rules only when another
 * call, on this node or any other, changed them. Thread-safe.
 */
final class LocationRuleCache {

  private final LocationRuleService rules;

  /** The last set read; replaced whole, so a reader sees one version or the next. */
  private volatile LocationRuleSet held = new LocationRuleSet(-1, List.of());

  LocationRuleCache(LocationRuleService rules) {
    this.rules = rules;
  }

  /** The rule set as stored now. */
  LocationRuleSet current() {
    LocationRuleSet known = held;
    Optional<LocationRuleSet> fresh = rules.ruleSetIfChanged(known.version());
    fresh.ifPresent(set -> held = set);
    return fresh.orElse(known);
  }
}

package io.bulwark.server.location;

import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LocationRuleSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * This node's copy of the location rules (Z4), fresh on every request: {@link #current()} reads the
 * stored version (one short engine command, one number) and reloads the rules only when another
 * call, on this node or any other, changed them; {@link #current(OptionalLong)} takes the version
 * the request's authentication read in its own statement instead of reading it again. Thread-safe.
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
    return current(OptionalLong.empty());
  }

  /**
   * The rule set as stored now, given the version this request already read with its credentials
   * ({@code seen}, issue 14): without a statement when this copy is at that version; else (another
   * version, or none seen) as {@link #current()}, reading the version and, if it changed, the
   * rules.
   */
  LocationRuleSet current(OptionalLong seen) {
    LocationRuleSet known = held;
    if (seen.isPresent() && seen.getAsLong() == known.version()) {
      return known;
    }
    Optional<LocationRuleSet> fresh = rules.ruleSetIfChanged(known.version());
    fresh.ifPresent(set -> held = set);
    return fresh.orElse(known);
  }
}

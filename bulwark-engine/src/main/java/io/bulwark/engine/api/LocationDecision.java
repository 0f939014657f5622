package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a caller may reach a location, and the location rule that decided (Z4, Z8). Never null.
 *
 * @param rule the deciding rule in words
 * @param decidingRule the stored rule that decided, or null for the implicit deny at the end
 */
public record LocationDecision(boolean allowed, String rule, @Nullable LocationRule decidingRule) {

  /** What the implicit deny-all at the end of every rule list says. */
  public static final String IMPLICIT_DENY = "implicit deny at the end of the location rules (Z4)";

  public LocationDecision {
    Objects.requireNonNull(rule, "rule");
  }

  /** The decision of a stored rule. */
  public static LocationDecision by(LocationRule rule) {
    return new LocationDecision(rule.effect() == LocationRule.Effect.ALLOW, rule.describe(), rule);
  }

  /** The stored rule that decided, if one did. */
  public Optional<LocationRule> storedRule() {
    return Optional.ofNullable(decidingRule);
  }
}

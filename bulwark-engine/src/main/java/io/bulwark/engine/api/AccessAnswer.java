package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "may user U do P on R?" (Z8): granted or not, and the rule that decided, e.g.
 * {@code grant a1 (group clerks: READ on TASK *)}, {@code case security (Z3): user anna is involved
 * in TASK t1} or {@code default deny (Z1): …}.
 *
 * @param rule the deciding rule in words
 * @param decidingRule the stored rule that decided, or null when none did (case security, the
 *     default deny, one's own profile)
 */
public record AccessAnswer(boolean granted, String rule, @Nullable AuthorizationRule decidingRule) {
  public AccessAnswer {
    Objects.requireNonNull(rule, "rule");
  }

  public AccessAnswer(boolean granted, String rule) {
    this(granted, rule, null);
  }

  /** The stored rule that decided, if one did. */
  public Optional<AuthorizationRule> storedRule() {
    return Optional.ofNullable(decidingRule);
  }
}

package io.bulwark.engine.api;

import java.util.Objects;

/**
 * The answer to "may user U do P on R?" (Z8): granted or not, and the rule that decided, e.g.
 * {@code grant a1 (group clerks: READ on TASK *)}, {@code case security (Z3): user anna is involved
 * in TASK t1} or {@code default deny (Z1): …}.
 */
public record AccessAnswer(boolean granted, String rule) {
  public AccessAnswer {
    Objects.requireNonNull(rule, "rule");
  }
}

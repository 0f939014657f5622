package io.bulwark.engine.authz;

import java.util.Objects;

/**
 * The outcome of an authorization check: granted or denied, and the rule that decided. Never {@code
 * null} (STYLE.md "Values, settings, errors").
 */
public record Decision(Outcome outcome, String rule) {

  /** Granted or denied. */
  public enum Outcome {
    GRANTED,
    DENIED
  }

  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("a decision must name the rule that decided");
    }
  }

  public static Decision granted(String rule) {
    return new Decision(Outcome.GRANTED, rule);
  }

  public static Decision denied(String rule) {
    return new Decision(Outcome.DENIED, rule);
  }

  public boolean isGranted() {
    return outcome == Outcome.GRANTED;
  }
}

package io.bulwark.engine.authz;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an authorization check: granted or denied, and the rule that decided. Never {@code
 * null} (STYLE.md "Values, settings, errors").
 *
 * @param rule the deciding rule in words
 * @param ruleId the ID of the stored rule that decided, or null when no stored rule did (case
 *     security, the default deny, one's own profile, a trusted application)
 */
public record Decision(Outcome outcome, String rule, @Nullable String ruleId) {

  /**
   * Granted or denied; {@code HIDDEN} is a denial on a row of a tenant the user is not a member of,
   * which the engine answers exactly like a missing row (Z3).
   */
  public enum Outcome {
    GRANTED,
    DENIED,
    HIDDEN
  }

  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("a decision must name the rule that decided");
    }
  }

  public static Decision granted(String rule) {
    return new Decision(Outcome.GRANTED, rule, null);
  }

  public static Decision denied(String rule) {
    return new Decision(Outcome.DENIED, rule, null);
  }

  /** Denied because the row belongs to another tenant: answered as "not found" (Z3). */
  public static Decision hidden(String rule) {
    return new Decision(Outcome.HIDDEN, rule, null);
  }

  /** The decision of a stored rule, which the decision names by ID (Z8). */
  public static Decision by(Grant rule) {
    return new Decision(
        rule.type() == Grant.Type.REVOKE ? Outcome.DENIED : Outcome.GRANTED,
        rule.describe(),
        rule.id());
  }

  public boolean isGranted() {
    return outcome == Outcome.GRANTED;
  }

  /** Whether the resource must answer as if it did not exist (another tenant's row, Z3). */
  public boolean isHidden() {
    return outcome == Outcome.HIDDEN;
  }
}

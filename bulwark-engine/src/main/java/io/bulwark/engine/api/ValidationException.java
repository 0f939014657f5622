package io.bulwark.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * An input value breaks one or more rules. The message names the field and the rules; {@link
 * #rules()} lists the rule names so that a client can tell a user what to fix (A4).
 */
public final class ValidationException extends BulwarkException {

  private static final String GENERIC_FIELD = "input";
  private static final String GENERIC_RULE = "invalid";

  private final String field;
  private final List<String> rules;

  /**
   * @param field the input field, e.g. {@code "userId"} or {@code "password"}
   * @param rules the names of the rules broken, at least one
   * @param message a readable sentence naming the field and the rules; never the value if secret
   */
  public ValidationException(String field, List<String> rules, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
    this.rules = List.copyOf(rules);
    if (this.rules.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one rule");
    }
  }

  /**
   * An input broke a rule that the message names (the engine's internal checks, e.g. variable
   * limits (W11, E4) and query bounds); {@link #field()} is {@code "input"} and the rule {@code
   * "invalid"}.
   */
  public ValidationException(String message) {
    this(GENERIC_FIELD, List.of(GENERIC_RULE), message);
  }

  /** As {@link #ValidationException(String)}, keeping the low-level cause for logs. */
  public ValidationException(String message, Throwable cause) {
    super(message, cause);
    this.field = GENERIC_FIELD;
    this.rules = List.of(GENERIC_RULE);
  }

  /** Shorthand for one broken rule. */
  public static ValidationException of(String field, String rule, String message) {
    return new ValidationException(field, List.of(rule), message);
  }

  public String field() {
    return field;
  }

  public List<String> rules() {
    return rules;
  }
}

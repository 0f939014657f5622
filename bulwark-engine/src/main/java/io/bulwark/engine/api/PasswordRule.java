package io.bulwark.engine.api;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of the password policy (A4), as a client is told about it.
 *
 * @param id the rule's stable name, e.g. {@code min-length}; the same name appears in {@link
 *     ValidationException#rules()} when a password breaks the rule
 * @param parameters what a client needs to describe the rule, e.g. {@code minLength=12}; empty when
 *     the rule has none; never a secret
 */
public record PasswordRule(String id, Map<String, String> parameters) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  public PasswordRule {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "invalid password rule id '" + id + "'; lower-case letters, digits and '-' only");
    }
    parameters = Map.copyOf(parameters);
  }

  /** A rule without parameters. */
  public static PasswordRule of(String id) {
    return new PasswordRule(id, Map.of());
  }
}

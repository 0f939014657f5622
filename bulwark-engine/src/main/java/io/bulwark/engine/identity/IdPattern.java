package io.bulwark.engine.identity;

import io.bulwark.engine.api.ValidationException;
import java.util.regex.Pattern;

/** The allowlist for user and group IDs (Z7), and length checks for names (W11). */
final class IdPattern {

  /** The default ID pattern of the baseline (Z7). */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  static final int MAX_NAME_LENGTH = 255;

  private IdPattern() {}

  static String requireValidId(String field, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ValidationException.of(
          field, "id-pattern", "invalid " + field + "; it must match " + ID.pattern() + " (Z7)");
    }
    return id;
  }

  static String requireValidName(String field, String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw ValidationException.of(
          field,
          "name-length",
          "invalid " + field + "; it must have 1 to " + MAX_NAME_LENGTH + " characters");
    }
    return name;
  }
}

package io.bulwark.engine.api;

import java.util.regex.Pattern;

/**
 * A location rule to store or a rule's new content (Z4), validated when built: the pattern and the
 * principal follow {@link LocationRule}'s syntax; a broken one throws {@link ValidationException}
 * naming the field and the rule.
 */
public record NewLocationRule(String pattern, LocationRule.Effect effect, String principal) {

  private static final Pattern PATH_PATTERN =
      Pattern.compile("/|(/([A-Za-z0-9._~-]+|\\*))+(/\\*\\*)?|/\\*\\*");
  private static final Pattern PRINCIPAL =
      Pattern.compile("[?*@]|(user|group):[A-Za-z0-9._-]{1,64}");
  private static final int MAX_PATTERN = 255;

  public NewLocationRule {
    if (pattern == null
        || pattern.length() > MAX_PATTERN
        || !PATH_PATTERN.matcher(pattern).matches()) {
      throw ValidationException.of(
          "pattern",
          "path-pattern",
          "pattern must be '/' or '/'-separated segments of [A-Za-z0-9._~-], '*' for one segment"
              + " and '**' only as the last segment, at most 255 characters");
    }
    if (effect == null) {
      throw ValidationException.of("access", "required", "access must be ALLOW or DENY");
    }
    if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
      throw ValidationException.of(
          "principal",
          "location-principal",
          "principal must be '?' (anonymous), '*' (everyone), '@' (authenticated),"
              + " 'user:<id>' or 'group:<id>'");
    }
  }
}

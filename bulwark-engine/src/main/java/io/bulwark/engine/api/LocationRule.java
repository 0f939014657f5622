package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One stored location rule (Z4): who may or may not reach the paths of a pattern. Rules form one
 * ordered list ({@link LocationRuleSet}); the first that matches a request decides.
 *
 * @param id stable ID, e.g. {@code public-login}
 * @param position the rule's place in the list, from 0
 * @param pattern a path pattern: {@code /} or segments of {@code [A-Za-z0-9._~-]}, a {@code *}
 *     segment matching one segment, {@code **} as last segment matching the rest (none or more)
 * @param effect allow or deny
 * @param principal {@code ?} anonymous, {@code *} everyone, {@code @} authenticated, {@code
 *     user:<id>} or {@code group:<id>}
 */
public record LocationRule(
    String id, int position, String pattern, Effect effect, String principal) {

  /** What a matching rule decides. */
  public enum Effect {
    ALLOW,
    DENY
  }

  public LocationRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(principal, "principal");
  }

  /** Whether the pattern matches the path (without context path and query), case-sensitive. */
  public boolean matches(String path) {
    if (!path.startsWith("/")) {
      return false;
    }
    String[] want = pattern.substring(1).split("/", -1);
    String[] have = path.substring(1).split("/", -1);
    for (int i = 0; i < want.length; i++) {
      if ("**".equals(want[i])) {
        return true;
      }
      if (i >= have.length || !segmentMatches(want[i], have[i])) {
        return false;
      }
    }
    return want.length == have.length;
  }

  /** Whether the rule's principal covers the caller; {@code userId} null means anonymous. */
  public boolean appliesTo(@Nullable String userId, Set<String> groups) {
    return switch (principal) {
      case "*" -> true;
      case "?" -> userId == null;
      case "@" -> userId != null;
      default ->
          userId != null
              && (principal.equals("user:" + userId)
                  || (principal.startsWith("group:")
                      && groups.contains(principal.substring("group:".length()))));
    };
  }

  /**
   * The rule in words, for decisions and logs: {@code location rule web-apps (ALLOW @ /app/**)}.
   */
  public String describe() {
    return "location rule " + id + " (" + effect + " " + principal + " " + pattern + ")";
  }

  private static boolean segmentMatches(String want, String have) {
    return "*".equals(want) ? !have.isEmpty() : want.equals(have);
  }
}

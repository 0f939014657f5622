package io.bulwark.engine.identity;

import java.util.regex.Pattern;

/**
 * SQL {@code LIKE} in Java, as H2 and PostgreSQL evaluate it with their default escape: {@code %}
 * any text, {@code _} one character, {@code \} makes the next character literal; case-sensitive. It
 * applies a list's LIKE filters to directory entries exactly as the database applies them to its
 * rows (A8). Stateless.
 */
final class LikePattern {

  private LikePattern() {}

  /** Whether the value matches the pattern; a null value matches nothing, as in SQL. */
  static boolean matches(String pattern, String value) {
    if (value == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }
}

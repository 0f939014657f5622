package io.bulwark.server.ldap;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * LDAP search filters from a list query's filters (A8), every value escaped by the SDK's {@code
 * Filter.create…} methods, never concatenated into filter text (no LDAP injection). A SQL LIKE
 * pattern becomes a substring filter that matches at least what the pattern does ({@code _} widens
 * to any text); the caller applies the exact pattern afterwards. Stateless.
 */
final class LdapFilters {

  private LdapFilters() {}

  /**
   * Adds the ID filters; false when they match nothing (an empty ID list), so that no search is
   * needed.
   */
  static boolean addIds(
      List<Filter> parts, String attribute, @Nullable String id, @Nullable Set<String> ids) {
    addValue(parts, attribute, id);
    if (ids == null) {
      return true;
    }
    if (ids.isEmpty()) {
      return false;
    }
    List<Filter> any = new ArrayList<>();
    ids.stream().sorted().forEach(value -> any.add(Filter.createEqualityFilter(attribute, value)));
    parts.add(Filter.createORFilter(any));
    return true;
  }

  static void addValue(List<Filter> parts, String attribute, @Nullable String value) {
    if (value != null) {
      parts.add(Filter.createEqualityFilter(attribute, value));
    }
  }

  /** Adds a substring (or presence, or equality) filter that a LIKE pattern's matches pass. */
  static void addLike(List<Filter> parts, String attribute, @Nullable String pattern) {
    if (pattern == null) {
      return;
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    boolean wildcard = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        piece.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        wildcard = true;
        pieces.add(piece.toString());
        piece.setLength(0);
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    if (!wildcard) {
      parts.add(Filter.createEqualityFilter(attribute, pieces.get(0)));
      return;
    }
    String initial = pieces.get(0).isEmpty() ? null : pieces.get(0);
    String last = pieces.get(pieces.size() - 1);
    String fin = last.isEmpty() ? null : last;
    String[] any =
        pieces.subList(1, pieces.size() - 1).stream()
            .filter(p -> !p.isEmpty())
            .toArray(String[]::new);
    if (initial == null && fin == null && any.length == 0) {
      parts.add(Filter.createPresenceFilter(attribute));
      return;
    }
    parts.add(Filter.createSubstringFilter(attribute, initial, any, fin));
  }
}

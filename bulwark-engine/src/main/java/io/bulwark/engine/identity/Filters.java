package io.bulwark.engine.identity;

import io.bulwark.engine.command.ListQuery;
import java.util.Set;

/** The optional filters the identity lists share; a null value adds no condition. */
final class Filters {

  private Filters() {}

  static void equal(ListQuery.Builder builder, String column, String value) {
    if (value != null) {
      builder.where(column + " = ?", value);
    }
  }

  /** A LIKE pattern from the caller, bound as a parameter (E5). */
  static void like(ListQuery.Builder builder, String column, String pattern) {
    if (pattern != null) {
      builder.where(column + " LIKE ?", pattern);
    }
  }

  static void in(ListQuery.Builder builder, String column, Set<String> values) {
    if (values != null) {
      builder.whereIn(column, values.stream().sorted().toList());
    }
  }
}

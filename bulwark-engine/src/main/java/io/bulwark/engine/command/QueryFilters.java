package io.bulwark.engine.command;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The optional filters lists share (identities, rules); a null value adds no condition. */
public final class QueryFilters {

  private QueryFilters() {}

  public static void equal(ListQuery.Builder builder, String column, @Nullable String value) {
    if (value != null) {
      builder.where(column + " = ?", value);
    }
  }

  /** A LIKE pattern from the caller, bound as a parameter (E5). */
  public static void like(ListQuery.Builder builder, String column, @Nullable String pattern) {
    if (pattern != null) {
      builder.where(column + " LIKE ?", pattern);
    }
  }

  public static void in(ListQuery.Builder builder, String column, @Nullable Set<String> values) {
    if (values != null) {
      builder.whereIn(column, values.stream().sorted().toList());
    }
  }
}

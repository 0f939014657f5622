package io.bulwark.engine.authz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parameterized SQL condition that restricts a list query to the rows the caller may see (Z2, Z3,
 * E5). Either a condition with bound parameters, or an explicit "unrestricted" with a reason; list
 * queries refuse to build without one, so that the filter cannot be forgotten.
 */
public record SqlFilter(
    @Nullable String condition, List<Object> parameters, @Nullable String unrestrictedReason) {

  public SqlFilter {
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    if ((condition == null) == (unrestrictedReason == null)) {
      throw new IllegalArgumentException("a filter is either a condition or unrestricted");
    }
    if (condition != null && condition.chars().filter(c -> c == '?').count() != parameters.size()) {
      throw new IllegalArgumentException("filter placeholders and parameters differ: " + condition);
    }
  }

  /** A condition such as {@code t.assignee = ?} with its bound values. */
  public static SqlFilter of(String condition, Object... parameters) {
    Objects.requireNonNull(condition, "condition");
    return new SqlFilter(condition, List.of(parameters), null);
  }

  /** No restriction, with the reason (for example "allow-all checker"). */
  public static SqlFilter unrestricted(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an unrestricted filter must say why");
    }
    return new SqlFilter(null, List.of(), reason);
  }

  public boolean isUnrestricted() {
    return condition == null;
  }
}

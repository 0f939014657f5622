package io.bulwark.engine.authz;

import java.util.Objects;
import java.util.Optional;

/**
 * A list filter compiled without reading the rules, for a subject presumed to hold none about the
 * list (Z2, Z3), and the condition that it holds none. The filter is the one {@link
 * AuthorizationChecker#listFilter} compiles when the rules read are none, so it is right exactly
 * when {@code noRules} holds in the same statement (one snapshot): the statement that reads the
 * rows evaluates {@code noRules} too, and when it does not hold, the caller reads the rules and
 * runs the statement again. This saves the grant read, one round trip, for the many users whose
 * access comes from case security alone (issue 13). {@code keys}, when present, are the keys of
 * exactly the rows {@code filter} lets through, right under the same condition.
 */
public record PresumedFilter(SqlFilter filter, SqlFilter noRules, Optional<RowKeys> keys) {

  public PresumedFilter {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(keys, "keys");
    if (noRules.isUnrestricted()) {
      throw new IllegalArgumentException("a presumption is a condition");
    }
  }
}

package io.bulwark.engine.authz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The keys of the rows a list filter lets through (Z2, Z3): a {@code SELECT} of distinct rows with
 * the columns {@code columns} (the rows' ID and sort columns, without alias), with its bound
 * parameters. A list that has no other condition and sorts only by these columns counts the keys
 * and looks up only its page's rows ({@code ListQuery.Builder#keyed}), instead of reading every row
 * the filter lets through (issue 13). The SQL is a code constant; the parameters are bound (E5).
 */
public record RowKeys(String select, List<Object> parameters, List<String> columns) {

  public RowKeys {
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    columns = List.copyOf(columns);
    columns.forEach(ListTarget.Columns::check);
    if (select.chars().filter(c -> c == '?').count() != parameters.size()) {
      throw new IllegalArgumentException("key placeholders and parameters differ: " + select);
    }
  }
}

package io.bulwark.engine.command;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fixed part of one resource's list query, defined once per resource (as a constant in its
 * repository): the select list, the FROM clause with joins, the sort keys callers may use mapped to
 * columns (an allowlist), a unique tie-breaker column for stable paging, and the largest page (W8).
 * All parts are code constants, never caller input (E5).
 */
public record QueryShape(
    String resource,
    String selectList,
    String fromClause,
    Map<String, String> sortColumns,
    String tieBreaker,
    int maxPageSize) {

  /** The default largest page and result count (W8). */
  public static final int DEFAULT_MAX_PAGE_SIZE = 2000;

  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

  public QueryShape {
    sortColumns = Map.copyOf(sortColumns);
    sortColumns.values().forEach(QueryShape::column);
    column(tieBreaker);
    if (maxPageSize < 1 || maxPageSize > DEFAULT_MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "max page size " + maxPageSize + " must be 1.." + DEFAULT_MAX_PAGE_SIZE + " (W8)");
    }
  }

  /** A shape with the default maximum page size. */
  public static QueryShape of(
      String resource,
      String selectList,
      String fromClause,
      Map<String, String> sortColumns,
      String tieBreaker) {
    return new QueryShape(
        resource, selectList, fromClause, sortColumns, tieBreaker, DEFAULT_MAX_PAGE_SIZE);
  }

  /** Starts a query of this shape for one request. */
  public ListQuery.Builder query() {
    return new ListQuery.Builder(this);
  }

  private static void column(String name) {
    if (name == null || !COLUMN.matcher(name).matches()) {
      throw new IllegalArgumentException("not a column name: " + name);
    }
  }
}

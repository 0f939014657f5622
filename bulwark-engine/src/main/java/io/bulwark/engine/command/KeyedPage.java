package io.bulwark.engine.command;

import io.bulwark.engine.authz.RowKeys;
import io.bulwark.engine.authz.SqlFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A page of a {@link ListQuery} read through the keys of the rows its authorization filter lets
 * through ({@link RowKeys}, Z2, Z3): one statement sorts the keys, takes the page's, looks up only
 * those rows, and counts the keys for the total, so that the rows the user may see but that are not
 * on the page are never read (issue 13: at 20,000 tasks, a user's first page of 50 of 300 visible
 * tasks looked up all 300 by primary key). Built by {@link ListQuery.Builder#keyed} for a query
 * without conditions besides the filter that sorts only by key columns, with a presumed filter
 * ({@link io.bulwark.engine.authz.PresumedFilter}) whose presumption the statement checks itself.
 */
public final class KeyedPage {

  /** The keys as a common table expression, referenced twice and evaluated once. */
  private static final String KEYS = "bw_keys";

  private final QueryShape shape;
  private final RowKeys keys;
  private final List<String> keyOrder;
  private final List<String> pageOrder;
  private final int firstResult;
  private final int maxResults;

  /**
   * The keyed page of a query without conditions besides its authorization filter, sorted by {@code
   * orderBy} ({@code t.column DIRECTION}) and then by the shape's tie-breaker; empty when a sort
   * column is not a key or the shape reads more than one table.
   */
  static Optional<KeyedPage> of(
      QueryShape shape,
      RowKeys keys,
      List<String> orderBy,
      List<String> outerOrderBy,
      int firstResult,
      int maxResults) {
    if (shape.fromClause().toUpperCase(Locale.ROOT).contains("JOIN")) {
      return Optional.empty();
    }
    List<String> order = new ArrayList<>(orderBy);
    order.add(shape.tieBreaker() + " ASC");
    List<String> onKeys = new ArrayList<>();
    for (String sorted : order) {
      String key = sorted.substring(sorted.indexOf('.') + 1);
      if (!keys.columns().contains(key.substring(0, key.indexOf(' ')))) {
        return Optional.empty();
      }
      onKeys.add("k." + key);
    }
    List<String> outer = new ArrayList<>(outerOrderBy);
    outer.add(ListQuery.Builder.onPage(shape.tieBreaker()) + " ASC");
    return Optional.of(new KeyedPage(shape, keys, onKeys, outer, firstResult, maxResults));
  }

  private KeyedPage(
      QueryShape shape,
      RowKeys keys,
      List<String> keyOrder,
      List<String> pageOrder,
      int firstResult,
      int maxResults) {
    this.shape = shape;
    this.keys = keys;
    this.keyOrder = List.copyOf(keyOrder);
    this.pageOrder = List.copyOf(pageOrder);
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  /**
   * As {@link ListQuery#pageIfHolds}: the page and the total in one statement that also evaluates
   * {@code presumption}; an empty page asks {@link #countIfHolds}; empty when the presumption does
   * not hold.
   */
  public <R> Optional<ListQuery.Totalled<R>> pageIfHolds(
      Connection connection, String pageColumns, SqlFilter presumption, RowMapper<R> mapper)
      throws SQLException {
    List<Object> values = new ArrayList<>(keys.parameters());
    values.addAll(presumption.parameters());
    values.add(maxResults);
    values.add(firstResult);
    List<R> rows = new ArrayList<>();
    long total = 0;
    try (PreparedStatement statement =
            ListQuery.prepare(connection, pageSql(pageColumns, presumption), values);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        if (result.getInt(ListQuery.HOLDS) != 1) {
          return Optional.empty();
        }
        total = result.getLong(ListQuery.TOTAL);
        rows.add(mapper.map(result));
      }
    }
    if (rows.isEmpty()) {
      OptionalLong counted = countIfHolds(connection, presumption);
      return counted.isPresent()
          ? Optional.of(new ListQuery.Totalled<>(rows, counted.getAsLong()))
          : Optional.empty();
    }
    return Optional.of(new ListQuery.Totalled<>(rows, total));
  }

  /**
   * The number of keys, which is the number of rows the filter lets through, and {@code
   * presumption}, in one statement; empty when the presumption does not hold.
   */
  public OptionalLong countIfHolds(Connection connection, SqlFilter presumption)
      throws SQLException {
    List<Object> values = new ArrayList<>(keys.parameters());
    values.addAll(presumption.parameters());
    String sql =
        "SELECT (SELECT COUNT(*) FROM (" + keys.select() + ") k), " + ListQuery.holds(presumption);
    try (PreparedStatement statement = ListQuery.prepare(connection, sql, values);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getInt(2) == 1 ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
    }
  }

  /**
   * {@code WITH bw_keys AS (keys) SELECT p.*, columns, total, holds FROM (the page's rows, joined
   * to the page's keys) p ORDER BY …}; parameters: the keys', the presumption's, page size, offset.
   */
  private String pageSql(String pageColumns, SqlFilter presumption) {
    String tieBreaker = shape.tieBreaker();
    StringBuilder sql =
        new StringBuilder("WITH ")
            .append(KEYS)
            .append(" AS (")
            .append(keys.select())
            .append(") SELECT ")
            .append(ListQuery.PAGE_ALIAS)
            .append(".*");
    if (!pageColumns.isEmpty()) {
      sql.append(", ").append(pageColumns);
    }
    return sql.append(", (SELECT COUNT(*) FROM ")
        .append(KEYS)
        .append(") AS ")
        .append(ListQuery.TOTAL)
        .append(", ")
        .append(ListQuery.holds(presumption))
        .append(" AS ")
        .append(ListQuery.HOLDS)
        .append(" FROM (SELECT ")
        .append(shape.selectList())
        .append(" FROM (SELECT k.* FROM ")
        .append(KEYS)
        .append(" k ORDER BY ")
        .append(String.join(", ", keyOrder))
        .append(" LIMIT ? OFFSET ?) k JOIN ")
        .append(shape.fromClause())
        .append(" ON ")
        .append(tieBreaker)
        .append(" = k.")
        .append(tieBreaker.substring(tieBreaker.indexOf('.') + 1))
        .append(") ")
        .append(ListQuery.PAGE_ALIAS)
        .append(" ORDER BY ")
        .append(String.join(", ", pageOrder))
        .toString();
  }
}

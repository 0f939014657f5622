package io.bulwark.engine.command;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.PresumedFilter;
import io.bulwark.engine.authz.RowKeys;
import io.bulwark.engine.authz.SqlFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One list request of a {@link QueryShape}: its list and count statements share the same WHERE
 * clause, so paging and counts agree. Parameters are always bound (E5); sort keys come from the
 * shape's allowlist; the page is mandatory and capped (W8); and the authorization filter (Z2, Z3)
 * must be given explicitly, even when it is {@link SqlFilter#unrestricted(String)}.
 */
public final class ListQuery {

  private final String listSql;
  private final String countSql;
  private final String totalledSql;
  private final List<Object> whereParameters;
  private final int firstResult;
  private final int maxResults;

  private ListQuery(
      QueryShape shape,
      String where,
      List<String> orderBy,
      List<String> outerOrderBy,
      List<Object> parameters,
      int firstResult,
      int maxResults) {
    String from = " FROM " + shape.fromClause() + where;
    this.countSql = "SELECT COUNT(*)" + from;
    this.listSql =
        "SELECT "
            + shape.selectList()
            + from
            + " ORDER BY "
            + String.join(", ", orderBy)
            + " LIMIT ? OFFSET ?";
    this.totalledSql =
        " FROM (SELECT "
            + shape.selectList()
            + ", COUNT(*) OVER () AS "
            + TOTAL
            + from
            + " ORDER BY "
            + String.join(", ", orderBy)
            + " LIMIT ? OFFSET ?) "
            + PAGE_ALIAS
            + " ORDER BY "
            + String.join(", ", outerOrderBy);
    this.whereParameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  /** The column of {@link #page}'s statement that holds the total. */
  static final String TOTAL = "bw_total";

  /** The column of {@link #pageIfHolds}'s statement that says whether its presumption holds. */
  static final String HOLDS = "bw_holds";

  /** The alias of the page inside {@link #page}'s statement, for its per-row columns. */
  public static final String PAGE_ALIAS = "p";

  /** Rows of one page and the number of all matching rows. */
  public record Totalled<R>(List<R> rows, long total) {
    public Totalled {
      rows = List.copyOf(rows);
    }
  }

  public String listSql() {
    return listSql;
  }

  public String countSql() {
    return countSql;
  }

  /** Parameters of {@link #listSql()}: the WHERE parameters, then the page size and offset. */
  public List<Object> listParameters() {
    List<Object> all = new ArrayList<>(whereParameters);
    all.add(maxResults);
    all.add(firstResult);
    return all;
  }

  public List<Object> countParameters() {
    return whereParameters;
  }

  /** Runs the list statement. */
  public <R> List<R> list(Connection connection, RowMapper<R> mapper) throws SQLException {
    try (PreparedStatement statement = prepare(connection, listSql, listParameters());
        ResultSet rows = statement.executeQuery()) {
      List<R> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  /**
   * The page and the total in one statement (a window count over the filtered rows, which the
   * database computes anyway to sort them), so that paging and counting cost one round trip and one
   * pass over the rows. {@code pageColumns} are extra columns of each row of the page, a code
   * constant that may read the page's columns under {@link #PAGE_ALIAS} (for example the task's
   * candidates), evaluated for the page's rows only. A page past the end has no row to carry the
   * total: then the count statement runs as well. Every sort column of the shape must be in its
   * select list under its own name.
   */
  public <R> Totalled<R> page(Connection connection, String pageColumns, RowMapper<R> mapper)
      throws SQLException {
    List<R> result = new ArrayList<>();
    long total = pageRows(connection, pageColumns, null, mapper, result);
    if (result.isEmpty() && firstResult > 0) {
      total = count(connection);
    }
    return new Totalled<>(result, total);
  }

  /**
   * {@link #page} for a query built with a presumed authorization filter ({@link PresumedFilter}):
   * the same statement evaluates {@code presumption} (uncorrelated, so once), and its rows count
   * only when it holds. A page without rows cannot tell: then the count statement tells, with the
   * total. Empty when the presumption does not hold: then the caller reads the rules and pages
   * again, as without a presumption.
   */
  public <R> Optional<Totalled<R>> pageIfHolds(
      Connection connection, String pageColumns, SqlFilter presumption, RowMapper<R> mapper)
      throws SQLException {
    List<R> result = new ArrayList<>();
    long total = pageRows(connection, pageColumns, presumption, mapper, result);
    if (total == DOES_NOT_HOLD) {
      return Optional.empty();
    }
    if (result.isEmpty()) {
      OptionalLong counted = countAndHolds(connection, countSql, whereParameters, presumption);
      return counted.isPresent()
          ? Optional.of(new Totalled<>(result, counted.getAsLong()))
          : Optional.empty();
    }
    return Optional.of(new Totalled<>(result, total));
  }

  /** What {@link #pageRows} returns when its presumption does not hold. */
  private static final long DOES_NOT_HOLD = -1;

  /**
   * Runs the page statement, adds its rows to {@code result} and returns the total; adds nothing
   * and returns {@link #DOES_NOT_HOLD} when {@code presumption} is given and does not hold.
   */
  private <R> long pageRows(
      Connection connection,
      String pageColumns,
      @Nullable SqlFilter presumption,
      RowMapper<R> mapper,
      List<R> result)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(PAGE_ALIAS).append(".*");
    if (!pageColumns.isEmpty()) {
      sql.append(", ").append(pageColumns);
    }
    if (presumption != null) {
      sql.append(", ").append(holds(presumption)).append(" AS ").append(HOLDS);
      values.addAll(presumption.parameters());
    }
    values.addAll(listParameters());
    long total = 0;
    try (PreparedStatement statement = prepare(connection, sql + totalledSql, values);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (presumption != null && rows.getInt(HOLDS) != 1) {
          result.clear();
          return DOES_NOT_HOLD;
        }
        total = rows.getLong(TOTAL);
        result.add(mapper.map(rows));
      }
    }
    return total;
  }

  /**
   * Runs {@code countSql} and evaluates {@code presumption} in one statement; the count, or empty
   * when the presumption does not hold.
   */
  private static OptionalLong countAndHolds(
      Connection connection, String countSql, List<Object> countValues, SqlFilter presumption)
      throws SQLException {
    List<Object> values = new ArrayList<>(countValues);
    values.addAll(presumption.parameters());
    try (PreparedStatement statement =
            prepare(connection, "SELECT (" + countSql + "), " + holds(presumption), values);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(2) == 1 ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
    }
  }

  /** {@code CASE WHEN condition THEN 1 ELSE 0 END}: a presumption as a column. */
  static String holds(SqlFilter presumption) {
    if (presumption.isUnrestricted()) {
      throw new IllegalArgumentException("a presumption is a condition");
    }
    return "CASE WHEN (" + presumption.condition() + ") THEN 1 ELSE 0 END";
  }

  /** Runs the count statement. */
  public long count(Connection connection) throws SQLException {
    return count(connection, countSql, whereParameters);
  }

  private static long count(Connection connection, String sql, List<Object> values)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, values);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static PreparedStatement prepare(Connection connection, String sql, List<Object> values)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < values.size(); i++) {
        SqlValues.bind(statement, i + 1, values.get(i));
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      try {
        statement.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
  }

  /** Collects the conditions, order and page of one request; not thread-safe. */
  public static final class Builder {

    /** Largest number of values in one {@link #whereIn} (W11). */
    public static final int MAX_IN_VALUES = 1000;

    private final QueryShape shape;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final List<String> orderBy = new ArrayList<>();
    private final List<String> outerOrderBy = new ArrayList<>();
    private @Nullable SqlFilter filter;
    private @Nullable Integer firstResultOrNull;
    private int firstResult;
    private int maxResults;

    Builder(QueryShape shape) {
      this.shape = Objects.requireNonNull(shape);
    }

    /** Adds a condition, a code constant such as {@code t.assignee = ?}, with its values. */
    public Builder where(String condition, Object... values) {
      long marks = condition.chars().filter(c -> c == '?').count();
      if (marks != values.length) {
        throw new IllegalArgumentException(
            "condition has " + marks + " placeholders but " + values.length + " values");
      }
      conditions.add("(" + condition + ")");
      parameters.addAll(List.of(values));
      return this;
    }

    /** Adds {@code condition} with {@code value} as its one parameter, unless the value is null. */
    public Builder whereIfSet(String condition, @Nullable Object value) {
      return value == null ? this : where(condition, value);
    }

    /**
     * Adds {@code column IN (values)}, the values sorted so that equal sets share a statement,
     * unless the collection is null.
     */
    public Builder whereInIfSet(String column, @Nullable Collection<String> values) {
      return values == null ? this : whereIn(column, values.stream().sorted().toList());
    }

    /** Adds {@code column IN (?, …)}; an empty collection matches nothing. */
    public Builder whereIn(String column, Collection<?> values) {
      if (values.size() > MAX_IN_VALUES) {
        throw new ValidationException(
            shape.resource()
                + " filter has "
                + values.size()
                + " values; at most "
                + MAX_IN_VALUES
                + " are allowed (W11)");
      }
      if (values.isEmpty()) {
        conditions.add("(1 = 0)");
        return this;
      }
      conditions.add("(" + column + " IN (?" + ", ?".repeat(values.size() - 1) + "))");
      parameters.addAll(values);
      return this;
    }

    /** Sorts by an allowlisted key; refuses any other (E5). */
    public Builder orderBy(String sortKey, SortDirection direction) {
      String column = shape.sortColumns().get(sortKey);
      if (column == null) {
        throw new ValidationException(
            "cannot sort "
                + shape.resource()
                + " by '"
                + sortKey
                + "'; allowed: "
                + shape.sortColumns().keySet().stream().sorted().toList());
      }
      orderBy.add(column + " " + direction.name());
      outerOrderBy.add(onPage(column) + " " + direction.name());
      return this;
    }

    /**
     * The page: rows from {@code firstResult}, at most {@code maxResults} (W8). A bad value is
     * refused with a {@link ValidationException} whose field is {@code firstResult} or {@code
     * maxResults}.
     */
    public Builder page(int firstResult, int maxResults) {
      if (firstResult < 0) {
        throw ValidationException.of(
            "firstResult",
            "min",
            "firstResult "
                + firstResult
                + " for "
                + shape.resource()
                + " must not be negative (W8)");
      }
      if (maxResults < 1 || maxResults > shape.maxPageSize()) {
        throw ValidationException.of(
            "maxResults",
            "range",
            "maxResults "
                + maxResults
                + " for "
                + shape.resource()
                + " must be 1.."
                + shape.maxPageSize()
                + " (W8)");
      }
      this.firstResultOrNull = firstResult;
      this.firstResult = firstResult;
      this.maxResults = maxResults;
      return this;
    }

    /**
     * The authorization hook (Z2, Z3): the filter from {@link CommandContext#listFilter}, appended
     * to the WHERE clause of both list and count.
     */
    public Builder authorizationFilter(SqlFilter filter) {
      this.filter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    public ListQuery build() {
      if (firstResultOrNull == null) {
        throw new ValidationException(
            "an unbounded " + shape.resource() + " list is refused; give a page size (W8)");
      }
      List<Object> values = new ArrayList<>();
      String where = where(values);
      List<String> order = new ArrayList<>(orderBy);
      order.add(shape.tieBreaker() + " ASC");
      List<String> outer = new ArrayList<>(outerOrderBy);
      outer.add(onPage(shape.tieBreaker()) + " ASC");
      return new ListQuery(shape, where, order, outer, values, firstResult, maxResults);
    }

    /**
     * This query as a {@link KeyedPage} over {@code keys}, the keys of exactly the rows its
     * authorization filter lets through; empty when it has another condition, sorts by a column
     * that is not a key, or reads more than one table, and then the caller builds it with the
     * filter ({@link #build}). The filter given to {@link #authorizationFilter} is not used.
     */
    public Optional<KeyedPage> keyed(RowKeys keys) {
      if (firstResultOrNull == null) {
        throw new ValidationException(
            "an unbounded " + shape.resource() + " list is refused; give a page size (W8)");
      }
      return conditions.isEmpty()
          ? KeyedPage.of(shape, keys, orderBy, outerOrderBy, firstResult, maxResults)
          : Optional.empty();
    }

    /**
     * Counts the matching rows: {@code SELECT COUNT(*)} with the same WHERE clause, authorization
     * filter included, as {@link #build}'s list and count, so that a count equals the length of the
     * unpaged list (Z2). A count returns one number, so it needs no page; order and page are
     * ignored.
     */
    public long count(Connection connection) throws SQLException {
      List<Object> values = new ArrayList<>();
      String where = where(values);
      return ListQuery.count(
          connection, "SELECT COUNT(*) FROM " + shape.fromClause() + where, values);
    }

    /**
     * {@link #count} for a query built with a presumed authorization filter ({@link
     * PresumedFilter}): one statement counts and evaluates {@code presumption}; empty when it does
     * not hold, and then the caller reads the rules and counts again, as without a presumption.
     */
    public OptionalLong countIfHolds(Connection connection, SqlFilter presumption)
        throws SQLException {
      List<Object> values = new ArrayList<>();
      String where = where(values);
      return ListQuery.countAndHolds(
          connection, "SELECT COUNT(*) FROM " + shape.fromClause() + where, values, presumption);
    }

    /** The WHERE clause, the authorization filter last; adds its parameters to {@code values}. */
    private String where(List<Object> values) {
      SqlFilter authorization = filter;
      if (authorization == null) {
        throw new IllegalStateException(
            shape.resource() + " list query has no authorization filter; pass one explicitly");
      }
      List<String> all = new ArrayList<>(conditions);
      values.addAll(parameters);
      if (!authorization.isUnrestricted()) {
        all.add("(" + authorization.condition() + ")");
        values.addAll(authorization.parameters());
      }
      return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    /** A sort column of the shape ({@code t.created_at}) as the page's column ({@code p.*}). */
    static String onPage(String column) {
      return PAGE_ALIAS + "." + column.substring(column.indexOf('.') + 1);
    }
  }
}

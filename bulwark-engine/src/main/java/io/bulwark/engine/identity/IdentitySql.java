package io.bulwark.engine.identity;

import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs the identity repositories' constant, parameterized statements (E5) on a command's
 * connection, binding values with {@link SqlValues}. Stateless.
 */
final class IdentitySql {

  private IdentitySql() {}

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
  static int update(Connection c, String sql, @Nullable Object... values) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values)) {
      return ps.executeUpdate();
    }
  }

  /** Whether the query returns a row. */
  static boolean exists(Connection c, String sql, @Nullable Object... values) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values);
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** The first row of the query, mapped, or empty. */
  static <R> Optional<R> first(
      Connection c, RowMapper<R> mapper, String sql, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
    }
  }

  /** Every row of the query, mapped. */
  static <R> List<R> list(Connection c, RowMapper<R> mapper, String sql, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values);
        ResultSet rs = ps.executeQuery()) {
      List<R> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, @Nullable Object... values)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < values.length; i++) {
        SqlValues.bind(ps, i + 1, values[i]);
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      try {
        ps.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
  }
}

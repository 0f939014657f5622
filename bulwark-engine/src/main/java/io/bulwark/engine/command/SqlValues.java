package io.bulwark.engine.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Binds and reads the value types that rows use, the same way on H2 and PostgreSQL. Instants are
 * written as {@code TIMESTAMP WITH TIME ZONE} in UTC.
 */
public final class SqlValues {

  private SqlValues() {}

  /** Binds one parameter; see {@link RowWriter} for the supported types. */
  public static void bind(PreparedStatement statement, int index, @Nullable Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String s) {
      statement.setString(index, s);
    } else if (value instanceof Long l) {
      statement.setLong(index, l);
    } else if (value instanceof Integer i) {
      statement.setInt(index, i);
    } else if (value instanceof Double d) {
      statement.setDouble(index, d);
    } else if (value instanceof Boolean b) {
      statement.setBoolean(index, b);
    } else if (value instanceof Instant t) {
      statement.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof Enum<?> e) {
      statement.setString(index, e.name());
    } else {
      throw new IllegalArgumentException("unsupported SQL value type " + value.getClass());
    }
  }

  /** A nullable {@code TIMESTAMP WITH TIME ZONE} column as an instant. */
  public static @Nullable Instant instant(ResultSet resultSet, String column) throws SQLException {
    OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /**
   * A {@code NOT NULL} {@code TIMESTAMP WITH TIME ZONE} column as an instant.
   *
   * @throws SQLException the column holds null: the schema forbids it, so the row is damaged
   */
  public static Instant requiredInstant(ResultSet resultSet, String column) throws SQLException {
    Instant value = instant(resultSet, column);
    if (value == null) {
      throw new SQLException("column " + column + " is null, which the schema forbids");
    }
    return value;
  }

  /** A nullable {@code BIGINT} column. */
  public static @Nullable Long nullableLong(ResultSet resultSet, String column)
      throws SQLException {
    long value = resultSet.getLong(column);
    return resultSet.wasNull() ? null : value;
  }

  /** A nullable {@code DOUBLE PRECISION} column. */
  public static @Nullable Double nullableDouble(ResultSet resultSet, String column)
      throws SQLException {
    double value = resultSet.getDouble(column);
    return resultSet.wasNull() ? null : value;
  }

  /** A nullable {@code INTEGER} column. */
  public static @Nullable Integer nullableInt(ResultSet resultSet, String column)
      throws SQLException {
    int value = resultSet.getInt(column);
    return resultSet.wasNull() ? null : value;
  }
}

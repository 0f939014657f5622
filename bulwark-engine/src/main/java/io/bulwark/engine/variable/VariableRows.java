package io.bulwark.engine.variable;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Maps variables to {@code bw_variable} rows and back. Storage: STRING and JSON up to {@value
 * #TEXT_COLUMN_LENGTH} characters in {@code text_value}, longer ones as UTF-8 in {@code
 * bytes_value}; BOOLEAN (0/1), LONG and DATE (epoch milliseconds) in {@code long_value}; DOUBLE in
 * {@code double_value}; BYTES in {@code bytes_value}.
 */
public final class VariableRows {

  /** Size of the {@code text_value} column. */
  public static final int TEXT_COLUMN_LENGTH = 4000;

  /** Columns selected by {@link #MAPPER}. */
  public static final String COLUMNS =
      "id, scope_id, scope_type, process_instance_id, name, value_type, text_value, long_value,"
          + " double_value, bytes_value, rev, cipher_key";

  /** Writes rows of {@code bw_variable} through the unit of work. */
  public static final RowWriter<VariableRow> WRITER =
      RowWriter.of(
          "bw_variable",
          Versioning.OPTIMISTIC,
          VariableRow::id,
          List.of(
              "scope_id",
              "scope_type",
              "process_instance_id",
              "name",
              "value_type",
              "text_value",
              "long_value",
              "double_value",
              "bytes_value",
              "cipher_key"),
          row ->
              Arrays.asList(
                  row.scopeId(),
                  row.scopeType(),
                  row.processInstanceId(),
                  row.name(),
                  row.valueType(),
                  row.textValue(),
                  row.longValue(),
                  row.doubleValue(),
                  row.bytesValue(),
                  row.cipherKey()));

  /** Reads a row selected with {@link #COLUMNS}. */
  public static final RowMapper<VariableRow> MAPPER =
      rs ->
          new VariableRow(
              rs.getString("id"),
              rs.getString("scope_id"),
              ScopeType.valueOf(rs.getString("scope_type")),
              rs.getString("process_instance_id"),
              rs.getString("name"),
              ValueType.valueOf(rs.getString("value_type")),
              rs.getString("text_value"),
              SqlValues.nullableLong(rs, "long_value"),
              SqlValues.nullableDouble(rs, "double_value"),
              rs.getBytes("bytes_value"),
              rs.getLong("rev"),
              SqlValues.nullableInt(rs, "cipher_key"));

  private VariableRows() {}

  /** The row for a value; {@code rev} is the row's current revision (1 for a new row). */
  public static VariableRow toRow(
      String id, VariableScope scope, String name, TypedValue value, long rev) {
    String text = null;
    Long number = null;
    Double decimal = null;
    byte[] bytes = null;
    if (value instanceof TypedValue.StringValue s) {
      text = fitsText(s.value()) ? s.value() : null;
      bytes = text == null ? s.value().getBytes(StandardCharsets.UTF_8) : null;
    } else if (value instanceof TypedValue.JsonValue j) {
      text = fitsText(j.json()) ? j.json() : null;
      bytes = text == null ? j.json().getBytes(StandardCharsets.UTF_8) : null;
    } else if (value instanceof TypedValue.BooleanValue b) {
      number = b.value() ? 1L : 0L;
    } else if (value instanceof TypedValue.LongValue l) {
      number = l.value();
    } else if (value instanceof TypedValue.DateValue d) {
      number = d.value().toEpochMilli();
    } else if (value instanceof TypedValue.DoubleValue d) {
      decimal = d.value();
    } else if (value instanceof TypedValue.BytesValue b) {
      bytes = b.value();
    } else if (value instanceof TypedValue.Unreadable u) {
      throw new ValidationException(
          "variable '"
              + name
              + "' cannot be written back: its sensitive value is unreadable ("
              + u.state().name().toLowerCase(java.util.Locale.ROOT)
              + ", D2)");
    }
    return new VariableRow(
        id,
        scope.id(),
        scope.type(),
        scope.processInstanceId(),
        name,
        value.type(),
        text,
        number,
        decimal,
        bytes,
        rev,
        null);
  }

  /**
   * The value stored in a clear row. A sensitive row is refused: read it through {@link
   * SensitiveFields#valueOf}, which decrypts it.
   */
  public static TypedValue toValue(VariableRow row) {
    if (row.cipherKey() != null) {
      throw new IllegalStateException(
          "variable '" + row.name() + "' is sensitive; read it through SensitiveFields");
    }
    return switch (row.valueType()) {
      case NULL -> new TypedValue.NullValue();
      case STRING -> new TypedValue.StringValue(text(row));
      case JSON -> new TypedValue.JsonValue(text(row));
      case BOOLEAN -> new TypedValue.BooleanValue(number(row) != 0L);
      case LONG -> new TypedValue.LongValue(number(row));
      case DATE -> new TypedValue.DateValue(Instant.ofEpochMilli(number(row)));
      case DOUBLE ->
          new TypedValue.DoubleValue(
              Objects.requireNonNull(row.doubleValue(), "a DOUBLE row stores double_value"));
      case BYTES ->
          new TypedValue.BytesValue(
              Objects.requireNonNull(row.bytesValue(), "a BYTES row stores bytes_value"));
    };
  }

  /** The number column, which {@link #toRow} fills for BOOLEAN, LONG and DATE values. */
  private static long number(VariableRow row) {
    return Objects.requireNonNull(row.longValue(), "a BOOLEAN, LONG or DATE row stores long_value");
  }

  private static boolean fitsText(String text) {
    return text.length() <= TEXT_COLUMN_LENGTH;
  }

  private static String text(VariableRow row) {
    return row.textValue() != null
        ? row.textValue()
        : new String(row.bytesValue(), StandardCharsets.UTF_8);
  }
}

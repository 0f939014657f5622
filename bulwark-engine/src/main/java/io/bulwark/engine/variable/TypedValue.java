package io.bulwark.engine.variable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A variable value with its type (E4). Immutable. Create values through {@link VariableValues},
 * which applies the limits of {@link VariableSettings}; the records only guard their invariants.
 */
public sealed interface TypedValue
    permits TypedValue.NullValue,
        TypedValue.StringValue,
        TypedValue.BooleanValue,
        TypedValue.LongValue,
        TypedValue.DoubleValue,
        TypedValue.DateValue,
        TypedValue.JsonValue,
        TypedValue.BytesValue,
        TypedValue.Unreadable {

  ValueType type();

  /** The absent value. */
  record NullValue() implements TypedValue {
    @Override
    public ValueType type() {
      return ValueType.NULL;
    }
  }

  record StringValue(String value) implements TypedValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ValueType type() {
      return ValueType.STRING;
    }
  }

  record BooleanValue(boolean value) implements TypedValue {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  record LongValue(long value) implements TypedValue {
    @Override
    public ValueType type() {
      return ValueType.LONG;
    }
  }

  record DoubleValue(double value) implements TypedValue {
    @Override
    public ValueType type() {
      return ValueType.DOUBLE;
    }
  }

  /** An instant, kept to millisecond precision (the stored precision). */
  record DateValue(Instant value) implements TypedValue {
    public DateValue {
      value = Objects.requireNonNull(value, "value").truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public ValueType type() {
      return ValueType.DATE;
    }
  }

  /** A JSON document in its compact canonical text, as written by {@link JsonCodec}. */
  record JsonValue(String json) implements TypedValue {
    public JsonValue {
      Objects.requireNonNull(json, "json");
    }

    @Override
    public ValueType type() {
      return ValueType.JSON;
    }
  }

  /** Raw bytes (never Java-serialized objects: see {@link VariableValues}). */
  record BytesValue(byte[] value) implements TypedValue {
    public BytesValue {
      value = Objects.requireNonNull(value, "value").clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public ValueType type() {
      return ValueType.BYTES;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BytesValue b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      int shown = Math.min(value.length, 8);
      return "BytesValue["
          + value.length
          + " bytes: "
          + HexFormat.of().formatHex(value, 0, shown)
          + (shown < value.length ? "…" : "")
          + "]";
    }
  }

  /**
   * A sensitive value whose clear text cannot be had: its key was destroyed, or its ciphertext
   * belongs to another row (D1, D2). Readers get a {@link io.bulwark.engine.api.SensitiveValue}; it
   * is never written back.
   *
   * @param storedType the type the value was stored with
   * @param state why it cannot be read
   */
  record Unreadable(ValueType storedType, io.bulwark.engine.api.SensitiveValue.State state)
      implements TypedValue {
    public Unreadable {
      Objects.requireNonNull(storedType, "storedType");
      Objects.requireNonNull(state, "state");
    }

    @Override
    public ValueType type() {
      return storedType;
    }
  }
}

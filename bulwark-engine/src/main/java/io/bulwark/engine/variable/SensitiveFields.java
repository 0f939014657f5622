package io.bulwark.engine.variable;

import io.bulwark.engine.api.SensitiveValue;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.crypto.FieldCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Field encryption of sensitive variables (D1): the one place that turns a clear {@code
 * bw_variable} row into a sealed one and back. A variable is sensitive when its name is in the
 * engine's list ({@code BulwarkEngineBuilder.sensitiveVariables}) or in its process model's {@code
 * bulwark:sensitiveVariables} property. A sealed row keeps its type and holds, in {@code
 * bytes_value}, the Tink AEAD ciphertext of the value; {@code cipher_key} names the key. The
 * associated data is the row's ID, process instance, scope, name and type, so a ciphertext copied
 * to another row or instance fails to decrypt. A null value stays clear (it has nothing to hide).
 * Thread-safe.
 */
public final class SensitiveFields {

  private final Optional<FieldCipher> cipher;
  private final Set<String> engineNames;

  /**
   * @param cipher the key store's field cipher; empty when the engine has no key store, in which
   *     case storing a sensitive variable is refused
   * @param engineNames names sensitive in every process
   */
  public SensitiveFields(Optional<FieldCipher> cipher, Set<String> engineNames) {
    this.cipher = cipher;
    this.engineNames = Set.copyOf(engineNames);
  }

  /** No key store and no engine-wide names (engines built without a key store). */
  public static SensitiveFields none() {
    return new SensitiveFields(Optional.empty(), Set.of());
  }

  /** The field cipher, when the engine has a key store. */
  public Optional<FieldCipher> cipher() {
    return cipher;
  }

  /** Whether {@code name} is sensitive in a process whose model marks {@code modelNames}. */
  public boolean isSensitive(String name, Set<String> modelNames) {
    return engineNames.contains(name) || modelNames.contains(name);
  }

  /** The row to store: sealed when the name is sensitive, else {@code clear} itself. */
  public VariableRow protect(VariableRow clear, Set<String> modelNames) {
    return isSensitive(clear.name(), modelNames) ? seal(clear) : clear;
  }

  /**
   * The sealed form of a clear row (encrypted with the primary key).
   *
   * @throws ValidationException the engine has no key store to encrypt with (D1)
   */
  public VariableRow seal(VariableRow clear) {
    TypedValue value = VariableRows.toValue(clear);
    return value instanceof TypedValue.NullValue ? clear : sealed(clear, value);
  }

  private VariableRow sealed(VariableRow row, TypedValue value) {
    FieldCipher fields =
        cipher.orElseThrow(
            () ->
                new ValidationException(
                    "variable '"
                        + row.name()
                        + "' is marked sensitive, but this engine has no key store to encrypt it"
                        + " with (D1): configure one"));
    byte[] ciphertext = fields.encrypt(plaintext(value), associatedData(row));
    return new VariableRow(
        row.id(),
        row.scopeId(),
        row.scopeType(),
        row.processInstanceId(),
        row.name(),
        row.valueType(),
        null,
        null,
        null,
        ciphertext,
        row.rev(),
        FieldCipher.keyId(ciphertext));
  }

  /**
   * The value of a row: a clear row's value, a sealed row's decrypted value, or {@link
   * TypedValue.Unreadable} when its key was destroyed or its ciphertext was moved or changed.
   * Callers are commands that checked READ_VARIABLE, or the engine itself evaluating expressions.
   */
  public TypedValue valueOf(VariableRow row) {
    if (row.cipherKey() == null) {
      return VariableRows.toValue(row);
    }
    byte[] ciphertext = row.bytesValue();
    if (cipher.isEmpty() || ciphertext == null) {
      return new TypedValue.Unreadable(row.valueType(), SensitiveValue.State.DESTROYED);
    }
    try {
      return decode(row.valueType(), cipher.get().decrypt(ciphertext, associatedData(row)));
    } catch (FieldCipher.UnreadableException e) {
      return new TypedValue.Unreadable(
          row.valueType(),
          e.failure() == FieldCipher.Failure.KEY_DESTROYED
              ? SensitiveValue.State.DESTROYED
              : SensitiveValue.State.TAMPERED);
    }
  }

  /**
   * A sealed row re-encrypted with the current primary key (rotation, D2), same ID and revision; an
   * unreadable row is returned as it is.
   */
  public VariableRow reseal(VariableRow row) {
    TypedValue value = valueOf(row);
    return value instanceof TypedValue.Unreadable ? row : sealed(row, value);
  }

  /**
   * {@code values} (Java values by name) with every sensitive name's value replaced by the mask:
   * what a reader without READ_VARIABLE gets (D1, D5). Unchanged when {@code mayRead}.
   */
  public java.util.Map<String, Object> forReader(
      java.util.Map<String, Object> values, Set<String> modelNames, boolean mayRead) {
    if (mayRead) {
      return values;
    }
    java.util.Map<String, Object> result = new java.util.LinkedHashMap<>(values);
    result.replaceAll(
        (name, value) ->
            isSensitive(name, modelNames) && !(value instanceof SensitiveValue)
                ? new SensitiveValue(apiType(value), SensitiveValue.State.MASKED)
                : value);
    return result;
  }

  /** The REST type name of a Java value as {@code JavaValues} hands it out. */
  private static String apiType(@org.jspecify.annotations.Nullable Object value) {
    ValueType type;
    if (value == null) {
      type = ValueType.NULL;
    } else if (value instanceof String) {
      type = ValueType.STRING;
    } else if (value instanceof Boolean) {
      type = ValueType.BOOLEAN;
    } else if (value instanceof Long) {
      type = ValueType.LONG;
    } else if (value instanceof Double) {
      type = ValueType.DOUBLE;
    } else if (value instanceof Instant) {
      type = ValueType.DATE;
    } else if (value instanceof byte[]) {
      type = ValueType.BYTES;
    } else {
      type = ValueType.JSON;
    }
    return type.apiName();
  }

  /** The mask a reader without the right to the value sees (history, D5). */
  public static SensitiveValue masked(ValueType type) {
    return new SensitiveValue(type.apiName(), SensitiveValue.State.MASKED);
  }

  /** What binds a ciphertext to its row: ID, process instance, scope, name and type. */
  static byte[] associatedData(VariableRow row) {
    String text =
        String.join(
            "\u0000",
            "bw_variable",
            row.id(),
            String.valueOf(row.processInstanceId()),
            row.scopeId(),
            row.name(),
            row.valueType().name());
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] plaintext(TypedValue value) {
    if (value instanceof TypedValue.StringValue s) {
      return s.value().getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof TypedValue.JsonValue j) {
      return j.json().getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof TypedValue.BooleanValue b) {
      return new byte[] {(byte) (b.value() ? 1 : 0)};
    } else if (value instanceof TypedValue.LongValue l) {
      return ByteBuffer.allocate(8).putLong(l.value()).array();
    } else if (value instanceof TypedValue.DateValue d) {
      return ByteBuffer.allocate(8).putLong(d.value().toEpochMilli()).array();
    } else if (value instanceof TypedValue.DoubleValue d) {
      return ByteBuffer.allocate(8).putDouble(d.value()).array();
    } else if (value instanceof TypedValue.BytesValue b) {
      return b.value();
    }
    throw new IllegalArgumentException("no plaintext for " + value.type());
  }

  private static TypedValue decode(ValueType type, byte[] plain) {
    return switch (type) {
      case STRING -> new TypedValue.StringValue(new String(plain, StandardCharsets.UTF_8));
      case JSON -> new TypedValue.JsonValue(new String(plain, StandardCharsets.UTF_8));
      case BOOLEAN -> new TypedValue.BooleanValue(plain.length == 1 && plain[0] == 1);
      case LONG -> new TypedValue.LongValue(ByteBuffer.wrap(plain).getLong());
      case DATE -> new TypedValue.DateValue(Instant.ofEpochMilli(ByteBuffer.wrap(plain).getLong()));
      case DOUBLE -> new TypedValue.DoubleValue(ByteBuffer.wrap(plain).getDouble());
      case BYTES -> new TypedValue.BytesValue(plain);
      case NULL -> new TypedValue.NullValue();
    };
  }
}

package io.bulwark.engine.variable;

import io.bulwark.engine.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns what callers give into {@link TypedValue}s and enforces the limits of {@link
 * VariableSettings} (E4, W11). Every rejection is a {@link ValidationException} naming the variable
 * and the rule. Thread-safe.
 */
public final class VariableValues {

  /** The first two bytes of every Java serialization stream (E4). */
  private static final byte[] SERIALIZATION_MAGIC = {(byte) 0xAC, (byte) 0xED};

  private static final Set<String> JAVA_OBJECT_TYPES =
      Set.of("object", "serializable", "java", "file");

  private final VariableSettings settings;
  private final JsonCodec json;

  public VariableValues(VariableSettings settings) {
    this.settings = settings;
    this.json = new JsonCodec(settings);
  }

  public VariableSettings settings() {
    return settings;
  }

  public JsonCodec json() {
    return json;
  }

  /**
   * A value from embedded Java code: String, Boolean, Integer/Long/Short, Double/Float, {@link
   * Date}/{@link Instant}, Map/List/{@link JsonNode} (as JSON), {@code byte[]}, a {@link
   * TypedValue} or {@code null}. Anything else is refused; nothing is ever Java-serialized.
   */
  public TypedValue fromJava(String name, Object value) {
    checkName(name);
    TypedValue typed;
    if (value == null) {
      typed = new TypedValue.NullValue();
    } else if (value instanceof TypedValue t) {
      typed = t;
    } else if (value instanceof String s) {
      typed = new TypedValue.StringValue(s);
    } else if (value instanceof Boolean b) {
      typed = new TypedValue.BooleanValue(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      typed = new TypedValue.LongValue(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      typed = new TypedValue.DoubleValue(((Number) value).doubleValue());
    } else if (value instanceof Date d) {
      typed = new TypedValue.DateValue(d.toInstant());
    } else if (value instanceof Instant i) {
      typed = new TypedValue.DateValue(i);
    } else if (value instanceof Map<?, ?>
        || value instanceof List<?>
        || value instanceof JsonNode) {
      typed = new TypedValue.JsonValue(json.write(json.fromJava(name, value)));
    } else if (value instanceof byte[] bytes) {
      typed = new TypedValue.BytesValue(bytes);
    } else {
      throw new ValidationException(
          "variable '"
              + name
              + "' has unsupported type "
              + value.getClass().getName()
              + "; use a string, number, boolean, date, map/list (JSON) or bytes (E4)");
    }
    return checked(name, typed);
  }

  /**
   * A value from the REST API in Camunda's form: a type name (case-insensitive: string, boolean,
   * integer, short, long, double, date, json, bytes, null) and a JSON value; dates are ISO-8601
   * strings and bytes Base64. Object/serializable types are refused (E4).
   */
  public TypedValue fromClient(String name, String typeName, JsonNode value) {
    checkName(name);
    String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (JAVA_OBJECT_TYPES.contains(type)) {
      throw new ValidationException(
          "variable '"
              + name
              + "' has type '"
              + typeName
              + "'; Java objects and serialized values are not accepted, send JSON (E4)");
    }
    if (value == null || value.isNull()) {
      return new TypedValue.NullValue();
    }
    TypedValue typed =
        switch (type) {
          case "string" -> new TypedValue.StringValue(value.asString());
          case "boolean" -> new TypedValue.BooleanValue(value.asBoolean());
          case "integer", "short", "long" -> new TypedValue.LongValue(value.asLong());
          case "double" -> new TypedValue.DoubleValue(value.asDouble());
          case "date" -> new TypedValue.DateValue(instant(name, value.asString()));
          case "json" -> jsonFromClient(name, value);
          case "bytes" -> new TypedValue.BytesValue(base64(name, value.asString()));
          default ->
              throw new ValidationException(
                  "variable '"
                      + name
                      + "' has unknown type '"
                      + typeName
                      + "'; allowed: string, boolean, integer, short, long, double, date, json, bytes,"
                      + " null");
        };
    return checked(name, typed);
  }

  /** Refuses a scope that would hold more than the allowed number of variables (W11). */
  public void checkCount(String scopeId, int variablesAfterChange) {
    if (variablesAfterChange > settings.maxVariablesPerScope()) {
      throw new ValidationException(
          "scope "
              + scopeId
              + " would hold "
              + variablesAfterChange
              + " variables; the limit is "
              + settings.maxVariablesPerScope()
              + " (W11)");
    }
  }

  /** Refuses a name that is empty, too long or outside the pattern (W11). */
  public void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new ValidationException("a variable name is required (W11)");
    }
    if (name.length() > settings.maxNameLength()) {
      throw new ValidationException(
          "variable name of "
              + name.length()
              + " characters exceeds the limit of "
              + settings.maxNameLength()
              + " (W11)");
    }
    if (!settings.namePattern().matcher(name).matches()) {
      throw new ValidationException(
          "variable name '" + name + "' does not match " + settings.namePattern() + " (W11)");
    }
  }

  private TypedValue checked(String name, TypedValue value) {
    if (value instanceof TypedValue.StringValue s) {
      checkSize(name, s.value().getBytes(StandardCharsets.UTF_8).length);
    } else if (value instanceof TypedValue.JsonValue j) {
      checkSize(name, j.json().getBytes(StandardCharsets.UTF_8).length);
      json.parse(name, j.json());
    } else if (value instanceof TypedValue.BytesValue b) {
      byte[] bytes = b.value();
      checkSize(name, bytes.length);
      if (isJavaSerialized(bytes)) {
        throw new ValidationException(
            "variable '" + name + "' holds a Java-serialized object, which is refused (E4)");
      }
    }
    return value;
  }

  private void checkSize(String name, int bytes) {
    if (bytes > settings.maxValueBytes()) {
      throw new ValidationException(
          "variable '"
              + name
              + "' is "
              + bytes
              + " bytes; the limit is "
              + settings.maxValueBytes()
              + " (W11)");
    }
  }

  private TypedValue jsonFromClient(String name, JsonNode value) {
    // Camunda clients send JSON either as a string holding the document or as the document.
    String text = value.isString() ? value.asString() : json.write(value);
    checkSize(name, text.getBytes(StandardCharsets.UTF_8).length);
    return new TypedValue.JsonValue(json.write(json.parse(name, text)));
  }

  static boolean isJavaSerialized(byte[] bytes) {
    return bytes.length >= 2
        && bytes[0] == SERIALIZATION_MAGIC[0]
        && bytes[1] == SERIALIZATION_MAGIC[1];
  }

  private static Instant instant(String name, String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // Neither the value nor the parser's message (which quotes it): it may be sensitive (D1).
      throw new ValidationException(
          "variable '"
              + name
              + "' is not an ISO-8601 date with offset, like 2024-01-31T13:45:00+01:00");
    }
  }

  private static byte[] base64(String name, String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("variable '" + name + "' is not valid Base64", e);
    }
  }
}

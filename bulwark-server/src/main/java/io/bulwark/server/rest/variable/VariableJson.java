package io.bulwark.server.rest.variable;

import io.bulwark.engine.api.SensitiveValue;
import io.bulwark.engine.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one converter between Camunda 7's typed variable JSON and the engine's variable values (E4,
 * W11). Every endpoint that reads or answers variables goes through it.
 *
 * <p>Reading ({@link #toEngine}, {@link #valueToEngine}): {@code {"value":…,"type":…,
 * "valueInfo":{…}}} per variable, type names case-insensitive:
 *
 * <ul>
 *   <li>{@code String}, {@code Boolean}, {@code Integer}, {@code Short}, {@code Long}, {@code
 *       Double}: the JSON value, range-checked ({@code Integer} and {@code Short} are stored as
 *       {@code Long});
 *   <li>{@code Date}: Camunda's {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ} or ISO-8601 with an offset;
 *   <li>{@code Json}: a JSON document, or a string holding one; stored as JSON;
 *   <li>{@code Object} only with {@code valueInfo.serializationDataFormat} {@code
 *       application/json}: stored as JSON. Any other format, Java serialization above all, is
 *       refused (E4);
 *   <li>{@code Bytes}: Base64; {@code Null}: null;
 *   <li>no type: inferred like Camunda (string, boolean, integer, long, double, null), objects and
 *       arrays as JSON;
 *   <li>{@code File} and any other type: refused with 400 naming the variable and the type.
 * </ul>
 *
 * <p>Answering ({@link #toCamunda}, {@link #valueToCamunda}): strings, booleans, longs, doubles,
 * dates (as Camunda's date text, UTC), JSON (as its text, type {@code Json}), bytes (Base64, type
 * {@code Bytes}) and nulls, with an empty {@code valueInfo}; a sensitive value the caller may not
 * see, or that can no longer be read, as the mask {@code "***"} with its type and {@code valueInfo}
 * naming it sensitive and why (D1, D5).
 *
 * <p>Limits (W11), checked before the engine sees anything: at most {@value #MAX_VARIABLES}
 * variables per request, {@value #MAX_VALUE_BYTES} bytes per value, JSON nested at most {@value
 * #MAX_JSON_DEPTH} deep, names of at most {@value #MAX_NAME_LENGTH} characters matching the
 * engine's default name pattern. The engine applies its own configured limits again. Problem
 * details name a variable or type only once it matched these patterns, so no request input of
 * arbitrary shape is echoed (W5). Stateless and thread-safe.
 */
public final class VariableJson {

  /** Most variables one request may carry (W11). */
  public static final int MAX_VARIABLES = 1000;

  /** Largest string, JSON or bytes value in bytes (W11); the engine's default limit. */
  public static final int MAX_VALUE_BYTES = 1024 * 1024;

  /** Deepest JSON nesting inside one value (W11); the engine's default limit. */
  public static final int MAX_JSON_DEPTH = 32;

  /** Longest variable name (W11). */
  public static final int MAX_NAME_LENGTH = 255;

  /** Camunda's date format, answered in UTC. */
  public static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.\\-]*");
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z]{1,32}");
  private static final String JSON_FORMAT = "application/json";

  private static final JsonMapper JSON = limitedMapper();

  private VariableJson() {}

  /**
   * Camunda's variables object ({@code {"name": {"value":…,"type":…}, …}}) as engine values, in the
   * request's order; an absent object is an empty map.
   */
  public static Map<String, Object> toEngine(@Nullable Map<String, JsonNode> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (variables == null) {
      return values;
    }
    checkCount(variables.size());
    for (Map.Entry<String, JsonNode> entry : variables.entrySet()) {
      values.put(entry.getKey(), valueToEngine(entry.getKey(), entry.getValue()));
    }
    return values;
  }

  /** One typed value ({@code {"value":…,"type":…,"valueInfo":…}}) for variable {@code name}. */
  public static @Nullable Object valueToEngine(String name, @Nullable JsonNode typed) {
    checkName(name);
    if (typed == null || typed.isNull()) {
      return null;
    }
    if (!typed.isObject()) {
      throw invalid(name, "must be an object with value, type and valueInfo");
    }
    JsonNode value = typed.get("value");
    JsonNode typeNode = typed.get("type");
    if (typeNode == null || typeNode.isNull()) {
      return inferred(name, value);
    }
    if (!typeNode.isString()) {
      throw invalid(name, "has a type that is not a string");
    }
    String type = typeNode.asString();
    if (!TYPE_NAME.matcher(type).matches()) {
      throw invalid(name, "has a type that is not a type name");
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.equals("object")) {
      return object(name, value, typed.get("valueInfo"));
    }
    if (value == null || value.isNull() || lower.equals("null")) {
      if (!isKnown(lower)) {
        throw unknownType(name, type);
      }
      return null;
    }
    return switch (lower) {
      case "string" -> string(name, value);
      case "boolean" -> bool(name, value);
      case "integer" -> integral(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE, "Integer");
      case "short" -> integral(name, value, Short.MIN_VALUE, Short.MAX_VALUE, "Short");
      case "long" -> integral(name, value, Long.MIN_VALUE, Long.MAX_VALUE, "Long");
      case "double" -> decimal(name, value);
      case "date" -> date(name, value);
      case "json" -> json(name, value);
      case "bytes" -> bytes(name, value);
      case "file" ->
          throw ValidationException.of(
              "variables." + name + ".type",
              "supported-type",
              "variable '" + name + "' has type File, which Bulwark does not store; send Bytes");
      default -> throw unknownType(name, type);
    };
  }

  /** Engine values as Camunda's variables object, in the map's order. */
  public static Map<String, VariableValueJson> toCamunda(Map<String, ?> values) {
    Map<String, VariableValueJson> answer = new LinkedHashMap<>();
    values.forEach((name, value) -> answer.put(name, valueToCamunda(value)));
    return answer;
  }

  /** One engine value as Camunda's typed value. */
  public static VariableValueJson valueToCamunda(@Nullable Object value) {
    if (value == null) {
      return typed(null, "Null");
    } else if (value instanceof String s) {
      return typed(s, "String");
    } else if (value instanceof Boolean b) {
      return typed(b, "Boolean");
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return typed(((Number) value).longValue(), "Long");
    } else if (value instanceof Double || value instanceof Float) {
      return typed(((Number) value).doubleValue(), "Double");
    } else if (value instanceof Instant i) {
      return typed(DATE_FORMAT.format(i), "Date");
    } else if (value instanceof Date d) {
      return typed(DATE_FORMAT.format(d.toInstant()), "Date");
    } else if (value instanceof byte[] b) {
      return typed(Base64.getEncoder().encodeToString(b), "Bytes");
    } else if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      return typed(JSON.writeValueAsString(value), "Json");
    } else if (value instanceof JsonNode node) {
      return typed(JSON.writeValueAsString(node), "Json");
    } else if (value instanceof SensitiveValue sensitive) {
      return sensitive(sensitive);
    }
    // The engine hands out only the types above; anything else is a bug, not client input.
    throw new IllegalStateException("no Camunda type for " + value.getClass().getName());
  }

  /** Refuses more than {@value #MAX_VARIABLES} variables in one request (W11). */
  public static void checkCount(int count) {
    if (count > MAX_VARIABLES) {
      throw ValidationException.of(
          "variables",
          "max-count",
          "a request may carry at most " + MAX_VARIABLES + " variables (W11)");
    }
  }

  /** Refuses a name that is empty, too long or outside the pattern, without echoing it (W11). */
  public static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw ValidationException.of("variables", "required", "a variable name is required (W11)");
    }
    if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw ValidationException.of(
          "variables",
          "name-pattern",
          "a variable name must be at most "
              + MAX_NAME_LENGTH
              + " characters: a letter, _ or $, then letters, digits, _ $ . - (W11)");
    }
  }

  private static @Nullable Object inferred(String name, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    } else if (value.isString()) {
      return string(name, value);
    } else if (value.isBoolean()) {
      return value.asBoolean();
    } else if (value.isIntegralNumber()) {
      return integral(name, value, Long.MIN_VALUE, Long.MAX_VALUE, "Long");
    } else if (value.isNumber()) {
      return decimal(name, value);
    }
    return json(name, value);
  }

  private static @Nullable Object object(String name, JsonNode value, JsonNode valueInfo) {
    JsonNode format = valueInfo == null ? null : valueInfo.get("serializationDataFormat");
    if (format == null || !format.isString() || !JSON_FORMAT.equals(format.asString())) {
      throw ValidationException.of(
          "variables." + name + ".valueInfo.serializationDataFormat",
          "json-only",
          "variable '"
              + name
              + "' is an Object that is not serialized as "
              + JSON_FORMAT
              + "; Java serialization and other formats are refused, send JSON (E4)");
    }
    if (value == null || value.isNull()) {
      return null;
    }
    return json(name, value);
  }

  private static String string(String name, JsonNode value) {
    if (!value.isValueNode()) {
      throw invalid(name, "of type String must be a string");
    }
    String text = value.asString();
    checkSize(name, text.getBytes(StandardCharsets.UTF_8).length);
    return text;
  }

  private static Boolean bool(String name, JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isString() && (value.asString().equals("true") || value.asString().equals("false"))) {
      return Boolean.valueOf(value.asString());
    }
    throw invalid(name, "of type Boolean must be true or false");
  }

  private static Long integral(String name, JsonNode value, long min, long max, String type) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw invalid(name, "of type " + type + " must be a whole number from " + min + " to " + max);
    }
    long number = value.asLong();
    if (number < min || number > max) {
      throw invalid(name, "of type " + type + " must be a whole number from " + min + " to " + max);
    }
    return number;
  }

  private static Double decimal(String name, JsonNode value) {
    if (!value.isNumber()) {
      throw invalid(name, "of type Double must be a number");
    }
    double number = value.asDouble();
    if (!Double.isFinite(number)) {
      throw invalid(name, "of type Double must be a finite number");
    }
    return number;
  }

  private static Instant date(String name, JsonNode value) {
    if (!value.isString()) {
      throw invalid(name, "of type Date must be a string like 2024-01-31T13:45:00.000+0100");
    }
    String text = value.asString();
    try {
      return OffsetDateTime.parse(text, DATE_FORMAT).toInstant();
    } catch (DateTimeParseException camundaFormatFailed) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw invalid(name, "of type Date must be a string like 2024-01-31T13:45:00.000+0100");
      }
    }
  }

  private static JsonNode json(String name, JsonNode value) {
    JsonNode tree;
    if (value.isString()) {
      String text = value.asString();
      checkSize(name, text.getBytes(StandardCharsets.UTF_8).length);
      try {
        tree = JSON.readTree(text);
      } catch (JacksonException e) {
        throw invalid(
            name,
            "of type Json must be a JSON document of at most "
                + MAX_VALUE_BYTES
                + " bytes, nested at most "
                + MAX_JSON_DEPTH
                + " deep");
      }
    } else {
      tree = value;
    }
    if (depth(tree, 1) > MAX_JSON_DEPTH) {
      throw ValidationException.of(
          "variables." + name + ".value",
          "max-depth",
          "variable '" + name + "' nests deeper than " + MAX_JSON_DEPTH + " (W11)");
    }
    checkSize(name, JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8).length);
    return tree;
  }

  private static byte[] bytes(String name, JsonNode value) {
    if (!value.isString()) {
      throw invalid(name, "of type Bytes must be a Base64 string");
    }
    String text = value.asString();
    if (text.length() / 4 * 3 > MAX_VALUE_BYTES + 3) {
      checkSize(name, text.length() / 4 * 3L);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(name, "of type Bytes must be a Base64 string");
    }
    checkSize(name, bytes.length);
    return bytes;
  }

  /** The nesting depth of a tree, stopping as soon as it passes the limit. */
  private static int depth(JsonNode node, int level) {
    if (level > MAX_JSON_DEPTH || !node.isContainer()) {
      return level;
    }
    int deepest = level;
    for (JsonNode child : node.values()) {
      deepest = Math.max(deepest, child.isContainer() ? depth(child, level + 1) : level);
      if (deepest > MAX_JSON_DEPTH) {
        return deepest;
      }
    }
    return deepest;
  }

  private static void checkSize(String name, long bytes) {
    if (bytes > MAX_VALUE_BYTES) {
      throw ValidationException.of(
          "variables." + name + ".value",
          "max-size",
          "variable '" + name + "' is larger than " + MAX_VALUE_BYTES + " bytes (W11)");
    }
  }

  private static boolean isKnown(String lowerType) {
    return List.of(
            "null", "string", "boolean", "integer", "short", "long", "double", "date", "json",
            "bytes")
        .contains(lowerType);
  }

  private static ValidationException unknownType(String name, String type) {
    return ValidationException.of(
        "variables." + name + ".type",
        "allowed-values",
        "variable '"
            + name
            + "' has unknown type '"
            + type
            + "'; allowed: String, Boolean, Integer, Short, Long, Double, Date, Json, Bytes, Null,"
            + " Object as application/json");
  }

  private static ValidationException invalid(String name, String rule) {
    return ValidationException.of(
        "variables." + name + ".value", "type", "variable '" + name + "' " + rule);
  }

  /**
   * A sensitive value the caller does not get in clear (D1, D5): the mask, the stored type and
   * {@code valueInfo} {@code {"sensitive": true, "state": "masked" | "destroyed" | "tampered"}}.
   */
  private static VariableValueJson sensitive(SensitiveValue value) {
    String type =
        value.type().isEmpty()
            ? "Null"
            : value.type().substring(0, 1).toUpperCase(Locale.ROOT) + value.type().substring(1);
    return new VariableValueJson(
        SensitiveValue.MASK,
        type,
        Map.of("sensitive", true, "state", value.state().name().toLowerCase(Locale.ROOT)));
  }

  private static VariableValueJson typed(@Nullable Object value, String type) {
    return new VariableValueJson(value, type, Map.of());
  }

  private static JsonMapper limitedMapper() {
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_JSON_DEPTH)
            .maxStringLength(MAX_VALUE_BYTES)
            .maxNumberLength(100)
            .maxDocumentLength(MAX_VALUE_BYTES)
            .build();
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }
}

package io.bulwark.engine.variable;

import io.bulwark.engine.api.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON variables as trees (E4, W11). Parsing enforces depth, string, number and
 * document limits through Jackson's {@link StreamReadConstraints}; Java maps and lists are turned
 * into trees by walking them (no bean introspection, so no getters of caller objects run); binding
 * to a Java class happens only for classes on the settings' allowlist, without default typing.
 * Thread-safe.
 */
public final class JsonCodec {

  private final VariableSettings settings;
  private final JsonMapper mapper;

  public JsonCodec(VariableSettings settings) {
    this.settings = settings;
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(settings.maxJsonDepth())
            .maxStringLength(settings.maxValueBytes())
            .maxNameLength(settings.maxNameLength() * 4)
            .maxNumberLength(settings.maxJsonNumberLength())
            .maxDocumentLength(settings.maxValueBytes())
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(limits)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /** Parses JSON text given for variable {@code name} into a tree. */
  public JsonNode parse(String name, String json) {
    try {
      return mapper.readTree(json);
    } catch (StreamConstraintsException e) {
      throw new ValidationException(
          "variable '" + name + "' is not acceptable JSON: " + e.getOriginalMessage() + " (W11)");
    } catch (JacksonException e) {
      // The parser's message quotes the text it choked on, which may be sensitive (D1): only where.
      throw new ValidationException(
          "variable '" + name + "' is not acceptable JSON" + where(e) + " (W11)");
    }
  }

  /** Where the parser stopped, {@code " at line L, column C"}, or nothing when it does not say. */
  private static String where(JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Compact canonical text of a tree. */
  public String write(JsonNode node) {
    return mapper.writeValueAsString(node);
  }

  /** A tree from Java maps (string keys), lists, strings, numbers, booleans and nulls. */
  public JsonNode fromJava(String name, Object value) {
    return toNode(name, value, "$", 1);
  }

  /**
   * Binds a JSON variable to {@code type}: trees ({@link JsonNode}, {@link Map}, {@link List})
   * always, other classes only when on the allowlist (E4).
   */
  public <T> T bind(String name, TypedValue.JsonValue value, Class<T> type) {
    if (!isTree(type) && !isAllowed(type)) {
      throw new ValidationException(
          "variable '"
              + name
              + "' cannot be bound to "
              + type.getName()
              + "; it is not on the JSON binding allowlist (E4)");
    }
    try {
      return mapper.treeToValue(parse(name, value.json()), type);
    } catch (JacksonException e) {
      throw new ValidationException(
          "variable '" + name + "' does not fit " + type.getSimpleName() + where(e) + " (E4)");
    }
  }

  private static boolean isTree(Class<?> type) {
    return type == JsonNode.class || type == Map.class || type == List.class;
  }

  private boolean isAllowed(Class<?> type) {
    String className = type.getName();
    for (String entry : settings.jsonBindingAllowlist()) {
      if (entry.endsWith(".*")) {
        if (className.startsWith(entry.substring(0, entry.length() - 1))) {
          return true;
        }
      } else if (entry.equals(className)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode toNode(String name, Object value, String path, int depth) {
    if (depth > settings.maxJsonDepth()) {
      throw new ValidationException(
          "variable '"
              + name
              + "' nests deeper than "
              + settings.maxJsonDepth()
              + " at "
              + path
              + " (W11)");
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) {
      return nodes.nullNode();
    } else if (value instanceof String s) {
      return nodes.stringNode(s);
    } else if (value instanceof Boolean b) {
      return nodes.booleanNode(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return nodes.numberNode(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      return nodes.numberNode(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal d) {
      return nodes.numberNode(d);
    } else if (value instanceof BigInteger i) {
      return nodes.numberNode(i);
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new ValidationException(
              "variable '" + name + "' has a non-string key at " + path + " (E4)");
        }
        object.set(key, toNode(name, entry.getValue(), path + "." + key, depth + 1));
      }
      return object;
    } else if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode();
      for (int i = 0; i < list.size(); i++) {
        array.add(toNode(name, list.get(i), path + "[" + i + "]", depth + 1));
      }
      return array;
    } else if (value instanceof JsonNode node) {
      return parse(name, write(node));
    }
    throw new ValidationException(
        "variable '"
            + name
            + "' holds a "
            + value.getClass().getName()
            + " at "
            + path
            + "; JSON values are maps, lists, strings, numbers, booleans and null (E4)");
  }
}

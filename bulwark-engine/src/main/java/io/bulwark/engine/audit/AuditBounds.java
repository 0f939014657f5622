package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditEvent;
import io.bulwark.engine.api.ValidationException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit log's bounds (D4): names are lower-case letters, digits and {@code _} (refused
 * otherwise), values are cut to their column (then {@code ~}), details become a JSON object of at
 * most {@value #MAX_DETAILS} strings, escaped by Jackson, so that no value can forge a field.
 */
final class AuditBounds {

  static final int MAX_DETAILS = 16;
  static final int MAX_NAME = 128;
  static final int MAX_SUBJECT = 256;
  static final int MAX_VALUE = 256;
  static final int MAX_JSON = 4000;
  private static final int CUT_MARK = 13;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AuditBounds() {}

  /** The event within bounds, its details as JSON text. */
  static Bounded of(AuditEvent event) {
    name("kind", event.kind());
    if (event.details().size() > MAX_DETAILS) {
      throw ValidationException.of(
          "details", "size", "an audit event has at most " + MAX_DETAILS + " details");
    }
    event.details().keySet().forEach(key -> name("details", key));
    return new Bounded(
        cut(event.node(), MAX_NAME),
        cutOrNull(event.principal(), MAX_NAME),
        event.kind(),
        cutOrNull(event.subject(), MAX_SUBJECT),
        details(event.details()));
  }

  /**
   * The details as a JSON object of at most {@value #MAX_JSON} characters: a detail that would not
   * fit (values full of escaped control characters) is left out, and {@code "cut":"true"} says so.
   */
  private static String details(Map<String, String> values) {
    ObjectNode details = JSON.createObjectNode();
    String json = write(details);
    for (Map.Entry<String, String> detail : values.entrySet()) {
      details.put(detail.getKey(), cutOrNull(detail.getValue(), MAX_VALUE));
      String longer = write(details);
      if (longer.length() > MAX_JSON - CUT_MARK) {
        details.remove(detail.getKey());
        details.put("cut", "true");
        return write(details);
      }
      json = longer;
    }
    return json;
  }

  private static String write(ObjectNode details) {
    return JSON.writeValueAsString(details);
  }

  private static void name(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ValidationException.of(
          field, "pattern", "an audit " + field + " name is [a-z][a-z0-9_]{0,63}");
    }
  }

  private static @Nullable String cutOrNull(@Nullable String value, int max) {
    return value == null ? null : cut(value, max);
  }

  private static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    return value.substring(0, max - 1) + "~";
  }

  /** An event within the bounds of the audit record's columns. */
  record Bounded(
      String node,
      @Nullable String principal,
      String kind,
      @Nullable String subject,
      String details) {}
}

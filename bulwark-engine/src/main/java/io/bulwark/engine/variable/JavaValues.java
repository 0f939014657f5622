package io.bulwark.engine.variable;

import io.bulwark.engine.api.SensitiveValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns stored values into the Java values that expressions, delegates, callers and external task
 * workers see. The one converter of the engine; the two methods differ only in how they hand out
 * JSON.
 */
public final class JavaValues {

  private final JsonCodec json;

  public JavaValues(JsonCodec json) {
    this.json = json;
  }

  /** JSON objects become {@link Map}s, arrays {@link List}s, and other JSON its text. */
  public @Nullable Object toJava(String name, TypedValue value) {
    if (value instanceof TypedValue.JsonValue j) {
      String text = j.json().strip();
      if (text.startsWith("{")) {
        return json.bind(name, j, Map.class);
      } else if (text.startsWith("[")) {
        return json.bind(name, j, List.class);
      }
      return json.parse(name, text).asString();
    }
    return scalar(value);
  }

  /** JSON becomes a parsed tree ({@code JsonNode}); the other types as in {@link #toJava}. */
  public @Nullable Object toJavaKeepingJsonTree(String name, TypedValue value) {
    if (value instanceof TypedValue.JsonValue j) {
      return json.parse(name, j.json());
    }
    return scalar(value);
  }

  private static @Nullable Object scalar(TypedValue value) {
    if (value instanceof TypedValue.StringValue s) {
      return s.value();
    } else if (value instanceof TypedValue.BooleanValue b) {
      return b.value();
    } else if (value instanceof TypedValue.LongValue l) {
      return l.value();
    } else if (value instanceof TypedValue.DoubleValue d) {
      return d.value();
    } else if (value instanceof TypedValue.DateValue d) {
      return d.value();
    } else if (value instanceof TypedValue.BytesValue b) {
      return b.value();
    } else if (value instanceof TypedValue.Unreadable u) {
      return new SensitiveValue(u.storedType().apiName(), u.state());
    }
    return null;
  }
}

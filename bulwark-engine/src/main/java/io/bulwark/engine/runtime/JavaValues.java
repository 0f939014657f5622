package io.bulwark.engine.runtime;

import io.bulwark.engine.variable.JsonCodec;
import io.bulwark.engine.variable.TypedValue;
import java.util.List;
import java.util.Map;

/** Turns stored values into the Java values that expressions, delegates and callers see. */
final class JavaValues {

  private final JsonCodec json;

  JavaValues(JsonCodec json) {
    this.json = json;
  }

  Object toJava(String name, TypedValue value) {
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
    } else if (value instanceof TypedValue.JsonValue j) {
      String text = j.json().strip();
      if (text.startsWith("{")) {
        return json.bind(name, j, Map.class);
      } else if (text.startsWith("[")) {
        return json.bind(name, j, List.class);
      }
      return json.parse(name, text).asString();
    }
    return null;
  }
}

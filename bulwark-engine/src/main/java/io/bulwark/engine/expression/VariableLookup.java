package io.bulwark.engine.expression;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Read-only view of the variables visible to an expression. A variable may exist with a {@code
 * null} value; {@link #contains} tells it apart from an unknown one.
 */
public interface VariableLookup {

  boolean contains(String name);

  /** The value of a variable that {@link #contains} reports; {@code null} is a valid value. */
  Object get(String name);

  /** Names of all visible variables (FEEL needs the whole context). */
  Set<String> names();

  /** A lookup over a copy of {@code variables}; null values are kept. */
  static VariableLookup of(Map<String, ?> variables) {
    Map<String, Object> copy = Collections.unmodifiableMap(new HashMap<>(variables));
    return new VariableLookup() {
      @Override
      public boolean contains(String name) {
        return copy.containsKey(name);
      }

      @Override
      public Object get(String name) {
        return copy.get(name);
      }

      @Override
      public Set<String> names() {
        return copy.keySet();
      }
    };
  }

  /** No variables at all. */
  static VariableLookup empty() {
    return of(Map.of());
  }
}

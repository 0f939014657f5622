package io.bulwark.engine.expression;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Read-only view of the variables visible to an expression. A variable may exist with a {@code
 * null} value; {@link #contains} tells it apart from an unknown one.
 */
public interface VariableLookup {

  boolean contains(String name);

  /** The value of a variable that {@link #contains} reports; {@code null} is a valid value. */
  @Nullable Object get(String name);

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
      public @Nullable Object get(String name) {
        return copy.get(name);
      }

      @Override
      public Set<String> names() {
        return copy.keySet();
      }
    };
  }

  /**
   * A lookup over {@code names} that converts a variable on its first {@link #get} only (then keeps
   * it): a condition such as {@code ${amount > 1000}} reads one variable, and the others, a JSON
   * document for instance, are never converted. {@code names} is copied.
   */
  static VariableLookup lazy(Set<String> names, Function<String, Object> convert) {
    Set<String> known = Set.copyOf(names);
    Map<String, Object> converted = new HashMap<>();
    return new VariableLookup() {
      @Override
      public boolean contains(String name) {
        return known.contains(name);
      }

      @Override
      public @Nullable Object get(String name) {
        if (!known.contains(name)) {
          return null;
        }
        if (converted.containsKey(name)) {
          return converted.get(name);
        }
        Object value = convert.apply(name);
        converted.put(name, value);
        return value;
      }

      @Override
      public Set<String> names() {
        return known;
      }
    };
  }

  /** No variables at all. */
  static VariableLookup empty() {
    return of(Map.of());
  }
}

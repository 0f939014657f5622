package io.bulwark.engine.expression;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree of a {@code ${…}} expression. There is deliberately no node for a method or
 * function call, a class reference or an object construction: the parser cannot produce one (E2).
 * The only calls are the closed set of date helpers of {@link ElDateTime}.
 */
sealed interface ElNode
    permits ElNode.Literal,
        ElNode.Variable,
        ElNode.Property,
        ElNode.Index,
        ElNode.Unary,
        ElNode.Binary,
        ElNode.Conditional,
        ElDateTime {

  @Nullable Object eval(VariableLookup variables);

  /** A string, number, boolean or null literal. */
  record Literal(@Nullable Object value) implements ElNode {
    @Override
    public @Nullable Object eval(VariableLookup variables) {
      return value;
    }
  }

  /** A process variable; an unknown name is an error, not null. */
  record Variable(String name) implements ElNode {
    @Override
    public @Nullable Object eval(VariableLookup variables) {
      if (!variables.contains(name)) {
        throw new ExpressionException("unknown variable '" + name + "'");
      }
      return variables.get(name);
    }
  }

  /** {@code base.name} or {@code base['name']}: a key of a JSON object; null base gives null. */
  record Property(ElNode base, String name) implements ElNode {
    @Override
    public @Nullable Object eval(VariableLookup variables) {
      Object value = base.eval(variables);
      if (value == null) {
        return null;
      }
      if (value instanceof Map<?, ?> map) {
        return map.get(name);
      }
      throw new ExpressionException(
          "property '"
              + name
              + "' read from "
              + Values.describe(value)
              + "; only JSON objects"
              + " have properties");
    }
  }

  /** {@code base[index]} on a JSON array. */
  record Index(ElNode base, int index) implements ElNode {
    @Override
    public @Nullable Object eval(VariableLookup variables) {
      Object value = base.eval(variables);
      if (value == null) {
        return null;
      }
      if (value instanceof List<?> list) {
        return index >= 0 && index < list.size() ? list.get(index) : null;
      }
      throw new ExpressionException(
          "index [" + index + "] applied to " + Values.describe(value) + "; only JSON arrays");
    }
  }

  /** Prefix operators: {@code !}, {@code -}, {@code empty}. */
  record Unary(String operator, ElNode operand) implements ElNode {
    @Override
    public @Nullable Object eval(VariableLookup variables) {
      Object value = operand.eval(variables);
      return switch (operator) {
        case "!" -> !Values.toBoolean(value);
        case "-" -> Values.negate(value);
        case "empty" -> Values.isEmpty(value);
        default -> throw new IllegalStateException("unknown operator " + operator);
      };
    }
  }

  /** Infix operators, with short-circuit for {@code &&} and {@code ||}. */
  record Binary(String operator, ElNode left, ElNode right) implements ElNode {
    @Override
    public @Nullable Object eval(VariableLookup variables) {
      if (operator.equals("&&")) {
        return Values.toBoolean(left.eval(variables)) && Values.toBoolean(right.eval(variables));
      }
      if (operator.equals("||")) {
        return Values.toBoolean(left.eval(variables)) || Values.toBoolean(right.eval(variables));
      }
      return Values.binary(operator, left.eval(variables), right.eval(variables));
    }
  }

  /** {@code condition ? whenTrue : whenFalse}. */
  record Conditional(ElNode condition, ElNode whenTrue, ElNode whenFalse) implements ElNode {
    @Override
    public @Nullable Object eval(VariableLookup variables) {
      return Values.toBoolean(condition.eval(variables))
          ? whenTrue.eval(variables)
          : whenFalse.eval(variables);
    }
  }
}

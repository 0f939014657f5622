package io.bulwark.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Operators on JSON-like values, close to the coercion rules of the Java expression language. */
final class Values {

  private Values() {}

  static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "a JSON object";
    }
    if (value instanceof Collection<?>) {
      return "a JSON array";
    }
    return "a value of type " + value.getClass().getSimpleName();
  }

  static boolean toBoolean(@Nullable Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new ExpressionException("expected a boolean but got " + describe(value));
  }

  static boolean isEmpty(@Nullable Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  static Object negate(@Nullable Object value) {
    Number n = toNumber(value);
    return isIntegral(n) ? Math.negateExact(n.longValue()) : toDecimal(n).negate();
  }

  static Object binary(String op, @Nullable Object left, @Nullable Object right) {
    return switch (op) {
      case "==" -> equal(left, right);
      case "!=" -> !equal(left, right);
      case "<" -> compare(op, left, right) < 0;
      case "<=" -> compare(op, left, right) <= 0;
      case ">" -> compare(op, left, right) > 0;
      case ">=" -> compare(op, left, right) >= 0;
      case "+", "-", "*", "/", "%" -> arithmetic(op, toNumber(left), toNumber(right));
      default -> throw new IllegalStateException("unknown operator " + op);
    };
  }

  private static boolean equal(@Nullable Object left, @Nullable Object right) {
    if (left instanceof Number || right instanceof Number) {
      if (left == null || right == null) {
        return false;
      }
      return toDecimal(toNumber(left)).compareTo(toDecimal(toNumber(right))) == 0;
    }
    return Objects.equals(left, right);
  }

  private static int compare(String op, @Nullable Object left, @Nullable Object right) {
    if (left instanceof Number || right instanceof Number) {
      return toDecimal(toNumber(left)).compareTo(toDecimal(toNumber(right)));
    }
    if (left instanceof String l && right instanceof String r) {
      return l.compareTo(r);
    }
    throw new ExpressionException(
        "cannot compare " + describe(left) + " " + op + " " + describe(right));
  }

  private static Object arithmetic(String op, Number left, Number right) {
    if (isIntegral(left) && isIntegral(right) && !op.equals("/")) {
      long l = left.longValue();
      long r = right.longValue();
      try {
        return switch (op) {
          case "+" -> Math.addExact(l, r);
          case "-" -> Math.subtractExact(l, r);
          case "*" -> Math.multiplyExact(l, r);
          default -> l % r;
        };
      } catch (ArithmeticException e) {
        throw new ExpressionException("arithmetic error: " + e.getMessage());
      }
    }
    BigDecimal l = toDecimal(left);
    BigDecimal r = toDecimal(right);
    if ((op.equals("/") || op.equals("%")) && r.signum() == 0) {
      throw new ExpressionException("division by zero");
    }
    return switch (op) {
      case "+" -> l.add(r);
      case "-" -> l.subtract(r);
      case "*" -> l.multiply(r);
      case "/" -> l.divide(r, MathContext.DECIMAL64);
      default -> l.remainder(r);
    };
  }

  private static boolean isIntegral(Object n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  private static Number toNumber(@Nullable Object value) {
    if (value instanceof Number n) {
      return n;
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new ExpressionException("expected a number but got a string that is not one");
      }
    }
    throw new ExpressionException("expected a number but got " + describe(value));
  }

  private static BigDecimal toDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }
}

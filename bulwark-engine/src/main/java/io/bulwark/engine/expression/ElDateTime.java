package io.bulwark.engine.expression;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The date helper Camunda models use in due dates and timers, {@code dateTime()} with {@code
 * plusYears/Months/Weeks/Days/Hours/Minutes/Seconds(n)}, their {@code minus…} twins and {@code
 * toDate()}, as a closed set of safe functions in the syntax tree (E2): no Java method is looked up
 * or called by name. {@code dateTime()} is the current time in the server's time zone.
 */
record ElDateTime(@Nullable ElNode base, String method, @Nullable ElNode argument)
    implements ElNode {

  /** The methods that may follow {@code dateTime()}; {@code toDate} takes no argument. */
  static final Set<String> METHODS =
      Set.of(
          "plusYears",
          "plusMonths",
          "plusWeeks",
          "plusDays",
          "plusHours",
          "plusMinutes",
          "plusSeconds",
          "minusYears",
          "minusMonths",
          "minusWeeks",
          "minusDays",
          "minusHours",
          "minusMinutes",
          "minusSeconds",
          "toDate");

  /** Largest amount a plus or minus step takes, so no step can overflow the date range. */
  static final long MAX_AMOUNT = 100_000;

  /** {@code dateTime()}: the current time. */
  static ElDateTime now() {
    return new ElDateTime(null, "now", null);
  }

  @Override
  public @Nullable Object eval(VariableLookup variables) {
    if (base == null) {
      return ZonedDateTime.now(ZoneId.systemDefault());
    }
    Object value = base.eval(variables);
    if (!(value instanceof ZonedDateTime date)) {
      throw new ExpressionException(
          method + "(…) applies to dateTime(), not to " + Values.describe(value));
    }
    if (method.equals("toDate")) {
      return date.toInstant();
    }
    long amount =
        amount(
            Objects.requireNonNull(argument, "the parser gives plus and minus an argument")
                .eval(variables));
    long signed = method.startsWith("minus") ? -amount : amount;
    return switch (method.substring(method.startsWith("minus") ? 5 : 4)) {
      case "Years" -> date.plusYears(signed);
      case "Months" -> date.plusMonths(signed);
      case "Weeks" -> date.plusWeeks(signed);
      case "Days" -> date.plusDays(signed);
      case "Hours" -> date.plusHours(signed);
      case "Minutes" -> date.plusMinutes(signed);
      default -> date.plusSeconds(signed);
    };
  }

  private long amount(@Nullable Object value) {
    if (!(value instanceof Number number) || number.doubleValue() != number.longValue()) {
      throw new ExpressionException(
          method + "(…) takes a whole number, not " + Values.describe(value));
    }
    long amount = number.longValue();
    if (Math.abs(amount) > MAX_AMOUNT) {
      throw new ExpressionException(
          method + "(" + amount + ") is outside ±" + MAX_AMOUNT + " (E8)");
    }
    return amount;
  }
}

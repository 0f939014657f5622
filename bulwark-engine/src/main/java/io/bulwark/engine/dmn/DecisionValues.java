package io.bulwark.engine.dmn;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** Values the DMN library answers, as the variable types take them. */
final class DecisionValues {

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private DecisionValues() {}

  /** FEEL's exact numbers become long (when whole and in range) or double; others stay. */
  static @Nullable Object plain(@Nullable Object value) {
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      BigDecimal exact = new BigDecimal(value.toString());
      return exact.stripTrailingZeros().scale() <= 0 && exact.abs().compareTo(LONG_MAX) <= 0
          ? (Object) exact.longValue()
          : (Object) exact.doubleValue();
    }
    return value;
  }
}

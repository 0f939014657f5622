package io.bulwark.engine.bpmn.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;

/**
 * An ISO 8601 duration such as {@code P1M}, {@code PT15M} or {@code P1DT12H}: calendar part and
 * time part kept apart so that months add as months. Always positive.
 */
public record IsoDuration(Period period, Duration time, String text) {

  /**
   * Parses {@code text}.
   *
   * @throws DateTimeException with a message naming the text when it is not a positive ISO 8601
   *     duration
   */
  public static IsoDuration parse(String text) {
    String value = text.strip();
    if (!value.startsWith("P")) {
      throw new DateTimeException("'" + text + "' is not an ISO 8601 duration like PT15M or P1D");
    }
    int t = value.indexOf('T');
    String datePart = t < 0 ? value : value.substring(0, t);
    String timePart = t < 0 ? "" : value.substring(t);
    try {
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      Duration time = timePart.isEmpty() ? Duration.ZERO : Duration.parse("P" + timePart);
      if (period.isNegative() || time.isNegative() || period.isZero() && time.isZero()) {
        throw new DateTimeException("'" + text + "' is not a positive duration");
      }
      return new IsoDuration(period, time, value);
    } catch (DateTimeException e) {
      throw new DateTimeException(
          "'" + text + "' is not an ISO 8601 duration like PT15M or P1D: " + e.getMessage());
    }
  }

  /** The instant this duration after {@code start}. */
  public ZonedDateTime addTo(ZonedDateTime start) {
    return start.plus(period).plus(time);
  }
}

package io.bulwark.engine.bpmn.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * An ISO 8601 duration such as {@code P1M}, {@code PT15M} or {@code P1DT12H}: calendar part and
 * time part kept apart so that months add as months. Positive, except a {@link #parseDelay} delay.
 */
public record IsoDuration(Period period, Duration time, String text) implements CycleStep {

  /**
   * Parses {@code text}.
   *
   * @throws DateTimeException with a message naming the text when it is not a positive ISO 8601
   *     duration
   */
  public static IsoDuration parse(String text) {
    IsoDuration duration = parseDelay(text);
    if (duration.isZero()) {
      throw new DateTimeException("'" + text + "' is not a positive duration");
    }
    return duration;
  }

  /**
   * As {@link #parse} but accepts a zero duration such as {@code PT0S}: a timer due at once, as
   * Camunda models use. Never for cycles (a zero interval would loop).
   */
  public static IsoDuration parseDelay(String text) {
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
      if (period.isNegative() || time.isNegative()) {
        throw new DateTimeException("'" + text + "' is not a positive duration");
      }
      return new IsoDuration(period, time, value);
    } catch (DateTimeException e) {
      throw new DateTimeException(
          "'" + text + "' is not an ISO 8601 duration like PT15M or P1D: " + e.getMessage());
    }
  }

  /** Whether this is {@code PT0S} or another zero duration. */
  public boolean isZero() {
    return period.isZero() && time.isZero();
  }

  /** The instant this duration after {@code start}. */
  public ZonedDateTime addTo(ZonedDateTime start) {
    return start.plus(period).plus(time);
  }

  /** The instant this duration after {@code previous}, months and days counted in UTC. */
  @Override
  public Instant after(Instant previous) {
    return addTo(previous.atZone(ZoneOffset.UTC)).toInstant();
  }
}

package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A timer from {@code timeDate}, {@code timeDuration} or {@code timeCycle}, parsed and validated at
 * deployment. A timer written as an expression is kept as {@link Dynamic}; the runtime evaluates it
 * and parses the result with {@link #parse(TimerType, String)}.
 */
public sealed interface TimerSpec {

  /**
   * A fixed point in time (ISO 8601, e.g. {@code 2026-03-01T09:00:00Z}; without offset in the
   * server's time zone).
   */
  record Date(Instant instant) implements TimerSpec {}

  /** Fires once, this long after the timer starts. */
  record After(IsoDuration duration) implements TimerSpec {}

  /**
   * ISO 8601 repeating interval {@code R[n]/[start/]duration}, or a cron expression (Quartz syntax
   * with seconds, as in Camunda 7; it repeats without end): {@code repetitions} is -1 for
   * unbounded; {@code start} is null when the cycle starts when the timer is created.
   */
  record Cycle(int repetitions, @Nullable Instant start, CycleStep interval) implements TimerSpec {}

  /** An expression whose value (a string) is parsed as {@code type} when the timer starts. */
  record Dynamic(TimerType type, Expression expression) implements TimerSpec {}

  /**
   * Parses a literal timer value.
   *
   * @throws DateTimeException saying what was expected
   */
  static TimerSpec parse(TimerType type, String text) {
    String value = text.strip();
    return switch (type) {
      case DATE -> new Date(instant(value));
      case DURATION -> new After(IsoDuration.parseDelay(value));
      case CYCLE -> cycle(value);
    };
  }

  /**
   * An ISO 8601 date-time; without offset (as Camunda models often write it) it is read in the
   * server's time zone, as Camunda does.
   */
  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
      } catch (DateTimeParseException notLocal) {
        throw new DateTimeException(
            "'" + value + "' is not an ISO 8601 date-time like 2026-03-01T09:00:00Z");
      }
    }
  }

  private static Cycle cycle(String value) {
    if (!value.startsWith("R")) {
      return new Cycle(-1, null, CronSchedule.parse(value));
    }
    String[] parts = value.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new DateTimeException(
          "'"
              + value
              + "' is not an ISO 8601 repeating interval like R3/PT10M or"
              + " R/2026-03-01T09:00:00Z/P1D");
    }
    int repetitions;
    try {
      repetitions = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    } catch (NumberFormatException e) {
      throw new DateTimeException("'" + parts[0] + "' is not a repetition count like R3");
    }
    if (repetitions == 0 || repetitions < -1) {
      throw new DateTimeException("repetition count in '" + value + "' must be positive");
    }
    Instant start = parts.length == 3 ? instant(parts[1]) : null;
    return new Cycle(repetitions, start, IsoDuration.parse(parts[parts.length - 1]));
  }
}

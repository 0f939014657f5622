package io.bulwark.engine.bpmn.model;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

/**
 * A cron {@code timeCycle} as Camunda 7 reads it: Quartz's syntax with seconds ({@code 0 0/5 * * *
 * ?}: every five minutes), in the server's time zone, repeating without end. Parsed by Quartz's
 * {@link CronExpression}, never by hand; the parsed form is not kept (it is not documented as
 * thread-safe), each {@link #after} parses the text anew.
 */
public record CronSchedule(String text) implements CycleStep {

  /** The longest cron text a job can store ({@code bw_job.repeat_interval}). */
  static final int MAX_LENGTH = 64;

  /**
   * Parses {@code text} and checks that it fires at least once more.
   *
   * @throws DateTimeException naming the text and Quartz's reason
   */
  public static CronSchedule parse(String text) {
    String value = text.strip();
    if (value.length() > MAX_LENGTH) {
      throw new DateTimeException(
          "cron cycle '" + value + "' is longer than " + MAX_LENGTH + " characters");
    }
    CronSchedule schedule = new CronSchedule(value);
    if (schedule.after(Instant.now()) == null) {
      throw new DateTimeException("cron cycle '" + value + "' never fires after now");
    }
    return schedule;
  }

  @Override
  public @Nullable Instant after(Instant previous) {
    Date next = expression().getNextValidTimeAfter(Date.from(previous));
    return next == null ? null : next.toInstant();
  }

  private CronExpression expression() {
    try {
      CronExpression expression = new CronExpression(text);
      expression.setTimeZone(TimeZone.getDefault());
      return expression;
    } catch (ParseException e) {
      throw new DateTimeException(
          "'"
              + text
              + "' is neither an ISO 8601 repeating interval like R3/PT10M or"
              + " R/2026-03-01T09:00:00Z/P1D nor a cron expression with seconds like 0 0/5 * * * ?: "
              + e.getMessage(),
          e);
    }
  }
}

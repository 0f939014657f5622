package io.bulwark.engine.bpmn.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What separates the firings of a cycle timer: an ISO 8601 duration ({@code R3/PT10M}) or a cron
 * expression ({@code 0 0/5 * * * ?}). Its {@link #text()} is stored with the job ({@code
 * bw_job.repeat_interval}) and read back with {@link #parse}.
 */
public sealed interface CycleStep permits IsoDuration, CronSchedule {

  /** The next firing after {@code previous}, or null when there is none (a cron year passed). */
  @Nullable Instant after(Instant previous);

  /** The step as written in the model. */
  String text();

  /**
   * Reads a stored step: an ISO 8601 duration starts with {@code P}, anything else is cron.
   *
   * @throws java.time.DateTimeException saying what was expected
   */
  static CycleStep parse(String text) {
    String value = text.strip();
    return value.startsWith("P") ? IsoDuration.parse(value) : CronSchedule.parse(value);
  }
}

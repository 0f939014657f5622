package io.bulwark.engine.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How long history is kept and how it is removed (D5). An ended process instance's history (its
 * activity instances, tasks, variable updates, comments and operation log entries) is removed once
 * it ended longer ago than its definition's {@code camunda:historyTimeToLive}, or than {@code
 * retention} for a definition without one. A job of the job executor removes at most {@code
 * batchSize} instances per transaction, runs again at once while it finds a full batch, and then
 * every {@code cleanupInterval}.
 *
 * @param retention history kept of an instance whose definition names no time to live (default 180
 *     days; 0 to 3650 days)
 * @param cleanupInterval pause of the clean-up job after a run that found less than a full batch
 *     (default 1 hour; 1 minute to 1 day)
 * @param batchSize instances removed per transaction (default 100; 1 to 1000)
 */
public record HistoryRetentionSettings(
    Duration retention, Duration cleanupInterval, int batchSize) {

  /** The longest retention accepted: ten years (D5 asks for a limit, not for forever). */
  public static final Duration MAX_RETENTION = Duration.ofDays(3650);

  public HistoryRetentionSettings {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(cleanupInterval, "cleanupInterval");
    if (retention.isNegative() || retention.compareTo(MAX_RETENTION) > 0) {
      throw new IllegalArgumentException(
          "history retention " + retention + " must be between 0 and 3650 days (D5)");
    }
    if (cleanupInterval.compareTo(Duration.ofMinutes(1)) < 0
        || cleanupInterval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "history clean-up interval " + cleanupInterval + " must be between 1 minute and 1 day");
    }
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException(
          "history clean-up batch size " + batchSize + " must be between 1 and 1000");
    }
  }

  /** 180 days, hourly, 100 instances per transaction. */
  public static HistoryRetentionSettings defaults() {
    return new HistoryRetentionSettings(Duration.ofDays(180), Duration.ofHours(1), 100);
  }
}

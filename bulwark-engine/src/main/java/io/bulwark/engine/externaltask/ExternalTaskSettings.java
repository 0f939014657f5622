package io.bulwark.engine.externaltask;

import java.time.Duration;

/**
 * Limits of external task requests (W11).
 *
 * @param maxTasksPerFetch most tasks one fetch may ask for (default 100, 1..1000)
 * @param maxLockDuration longest lock a worker may ask for (default 1 day)
 * @param maxErrorDetailsBytes largest error details kept, in UTF-8 bytes (default 64 KiB); longer
 *     details are refused
 */
public record ExternalTaskSettings(
    int maxTasksPerFetch, Duration maxLockDuration, int maxErrorDetailsBytes) {

  public ExternalTaskSettings {
    if (maxTasksPerFetch < 1 || maxTasksPerFetch > 1000) {
      throw new IllegalArgumentException(
          "maxTasksPerFetch " + maxTasksPerFetch + " must be 1..1000");
    }
    if (maxLockDuration.isNegative() || maxLockDuration.isZero()) {
      throw new IllegalArgumentException(
          "maxLockDuration " + maxLockDuration + " must be positive");
    }
    if (maxErrorDetailsBytes < 0 || maxErrorDetailsBytes > 1024 * 1024) {
      throw new IllegalArgumentException(
          "maxErrorDetailsBytes " + maxErrorDetailsBytes + " must be 0..1048576");
    }
  }

  public static ExternalTaskSettings defaults() {
    return new ExternalTaskSettings(100, Duration.ofDays(1), 64 * 1024);
  }
}

package io.bulwark.engine.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the job executor, validated here.
 *
 * @param threads worker threads that run jobs (default 2, 1..64)
 * @param lockDuration how long an acquired job stays locked to this node before another node may
 *     take it over (default 5 minutes); a job must finish within it
 * @param maxJobsPerAcquisition jobs locked by one acquisition (default 10, 1..1000)
 * @param pollInterval wait after an acquisition that found nothing (default 1 s); doubles while
 *     idle up to {@code maxPollInterval}
 * @param maxPollInterval longest idle wait (default 5 s)
 * @param defaultRetries retries of a new job (default 3, 1..100)
 * @param retryDelay how long a failed job waits before it is due again (default 10 s)
 * @param shutdownTimeout how long {@code stop} waits for running jobs (default 30 s)
 */
public record JobExecutorSettings(
    int threads,
    Duration lockDuration,
    int maxJobsPerAcquisition,
    Duration pollInterval,
    Duration maxPollInterval,
    int defaultRetries,
    Duration retryDelay,
    Duration shutdownTimeout) {

  public JobExecutorSettings {
    range("threads", threads, 1, 64);
    range("maxJobsPerAcquisition", maxJobsPerAcquisition, 1, 1000);
    range("defaultRetries", defaultRetries, 1, 100);
    positive("lockDuration", lockDuration);
    positive("pollInterval", pollInterval);
    positive("maxPollInterval", maxPollInterval);
    positive("shutdownTimeout", shutdownTimeout);
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retryDelay " + retryDelay + " must not be negative");
    }
    if (maxPollInterval.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException(
          "maxPollInterval " + maxPollInterval + " is shorter than pollInterval " + pollInterval);
    }
  }

  public static JobExecutorSettings defaults() {
    return new JobExecutorSettings(
        2,
        Duration.ofMinutes(5),
        10,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        3,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }

  public JobExecutorSettings withThreads(int count) {
    return new JobExecutorSettings(
        count,
        lockDuration,
        maxJobsPerAcquisition,
        pollInterval,
        maxPollInterval,
        defaultRetries,
        retryDelay,
        shutdownTimeout);
  }

  public JobExecutorSettings withLockDuration(Duration duration) {
    return new JobExecutorSettings(
        threads,
        duration,
        maxJobsPerAcquisition,
        pollInterval,
        maxPollInterval,
        defaultRetries,
        retryDelay,
        shutdownTimeout);
  }

  public JobExecutorSettings withPolling(Duration interval, Duration maxInterval) {
    return new JobExecutorSettings(
        threads,
        lockDuration,
        maxJobsPerAcquisition,
        interval,
        maxInterval,
        defaultRetries,
        retryDelay,
        shutdownTimeout);
  }

  public JobExecutorSettings withRetryDelay(Duration delay) {
    return new JobExecutorSettings(
        threads,
        lockDuration,
        maxJobsPerAcquisition,
        pollInterval,
        maxPollInterval,
        defaultRetries,
        delay,
        shutdownTimeout);
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " " + value + " must be " + min + ".." + max);
    }
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " " + value + " must be positive");
    }
  }
}

package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * Conditions of a job list; every {@code null} field matches everything.
 *
 * @param noRetriesLeft {@code TRUE} for jobs with 0 retries only, {@code FALSE} for jobs with
 *     retries left only
 * @param jobId one job's ID
 */
public record JobFilter(
    @Nullable String processInstanceId,
    @Nullable String executionId,
    @Nullable String activityId,
    @Nullable String type,
    @Nullable Boolean noRetriesLeft,
    @Nullable String jobId) {

  /** Matches every job. */
  public static JobFilter all() {
    return new JobFilter(null, null, null, null, null, null);
  }

  public static JobFilter ofProcessInstance(String processInstanceId) {
    return new JobFilter(processInstanceId, null, null, null, null, null);
  }

  /** The job with this ID only. */
  public static JobFilter ofJob(String jobId) {
    return new JobFilter(null, null, null, null, null, jobId);
  }
}

package io.bulwark.engine.job;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code bw_incident}: a job or external task that ran out of retries ({@link
 * Incidents#FAILED_JOB}, {@link Incidents#FAILED_EXTERNAL_TASK}), with the execution and activity
 * it stopped at.
 */
public record IncidentRow(
    String id,
    String type,
    Instant createdAt,
    @Nullable String executionId,
    @Nullable String processInstanceId,
    @Nullable String activityId,
    @Nullable String jobId,
    @Nullable String externalTaskId,
    @Nullable String message,
    long rev) {

  public IncidentRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}

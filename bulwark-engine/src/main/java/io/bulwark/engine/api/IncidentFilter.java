package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/** Conditions of an incident list; every {@code null} field matches everything. */
public record IncidentFilter(
    @Nullable String processInstanceId,
    @Nullable String type,
    @Nullable String jobId,
    @Nullable String externalTaskId) {

  /** Matches every incident. */
  public static IncidentFilter all() {
    return new IncidentFilter(null, null, null, null);
  }
}

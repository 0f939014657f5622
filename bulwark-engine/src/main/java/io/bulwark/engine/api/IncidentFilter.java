package io.bulwark.engine.api;

/** Conditions of an incident list; every {@code null} field matches everything. */
public record IncidentFilter(
    String processInstanceId, String type, String jobId, String externalTaskId) {

  /** Matches every incident. */
  public static IncidentFilter all() {
    return new IncidentFilter(null, null, null, null);
  }
}

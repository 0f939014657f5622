package io.bulwark.server.rest.job;

import io.bulwark.engine.api.Incident;
import io.bulwark.engine.api.Job;
import io.bulwark.server.rest.CamundaDates;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of Camunda 7's job and incident resources; dates in Camunda's format. */
final class JobJson {

  private JobJson() {}

  /**
   * Camunda's {@code JobDto}. Bulwark has no job definitions, tenants or batches: those members are
   * {@code null}; {@code priority} is the job's {@code camunda:jobPriority} (0 when none).
   */
  record JobDto(
      @Nullable String id,
      @Nullable String jobDefinitionId,
      @Nullable String dueDate,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      int retries,
      @Nullable String exceptionMessage,
      @Nullable String failedActivityId,
      boolean suspended,
      long priority,
      @Nullable String tenantId,
      @Nullable String createTime,
      @Nullable String batchId) {

    static JobDto of(Job job) {
      return new JobDto(
          job.id(),
          null,
          CamundaDates.format(job.dueDate()),
          job.processInstanceId(),
          job.executionId(),
          job.processDefinitionId(),
          null,
          job.retries(),
          job.exceptionMessage(),
          job.exceptionMessage() == null ? null : job.activityId(),
          job.suspended(),
          job.priority(),
          null,
          CamundaDates.format(job.createdAt()),
          null);
    }
  }

  /**
   * Camunda's {@code IncidentDto}: {@code configuration} is the failed job's or external task's ID,
   * as in Camunda.
   */
  record IncidentDto(
      @Nullable String id,
      @Nullable String processDefinitionId,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String incidentTimestamp,
      @Nullable String incidentType,
      @Nullable String activityId,
      @Nullable String failedActivityId,
      @Nullable String causeIncidentId,
      @Nullable String rootCauseIncidentId,
      @Nullable String configuration,
      @Nullable String tenantId,
      @Nullable String incidentMessage,
      @Nullable String jobDefinitionId,
      @Nullable String annotation) {

    static IncidentDto of(Incident incident) {
      return new IncidentDto(
          incident.id(),
          null,
          incident.processInstanceId(),
          incident.executionId(),
          CamundaDates.format(incident.createdAt()),
          incident.type(),
          incident.activityId(),
          incident.activityId(),
          incident.id(),
          incident.id(),
          incident.jobId() != null ? incident.jobId() : incident.externalTaskId(),
          null,
          incident.message(),
          null,
          null);
    }
  }

  /** Camunda's {@code RetriesDto}. */
  record Retries(@Nullable Integer retries) {}

  /** Camunda's {@code CountResultDto}. */
  record Count(long count) {}
}

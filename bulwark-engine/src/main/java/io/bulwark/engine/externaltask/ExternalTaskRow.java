package io.bulwark.engine.externaltask;

import java.time.Instant;
import java.util.Objects;

/** One row of {@code bw_external_task}; {@code retries} {@code null} means "not set yet". */
public record ExternalTaskRow(
    String id,
    String topic,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String businessKey,
    String workerId,
    Instant lockExpiresAt,
    Integer retries,
    String errorMessage,
    byte[] errorDetails,
    long priority,
    boolean suspended,
    Instant createdAt,
    String tenantId,
    long rev) {

  public ExternalTaskRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    errorDetails = errorDetails == null ? null : errorDetails.clone();
  }

  @Override
  public byte[] errorDetails() {
    return errorDetails == null ? null : errorDetails.clone();
  }

  /** Whether {@code workerId} holds an unexpired lock at {@code now}. */
  boolean lockedBy(String worker, Instant now) {
    return worker != null
        && worker.equals(workerId)
        && lockExpiresAt != null
        && lockExpiresAt.isAfter(now);
  }

  ExternalTaskRow locked(String worker, Instant expiresAt) {
    return new ExternalTaskRow(
        id,
        topic,
        executionId,
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        activityId,
        businessKey,
        worker,
        expiresAt,
        retries,
        errorMessage,
        errorDetails,
        priority,
        suspended,
        createdAt,
        tenantId,
        rev + 1);
  }

  ExternalTaskRow failed(Integer newRetries, String message, byte[] details, Instant expiresAt) {
    return new ExternalTaskRow(
        id,
        topic,
        executionId,
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        activityId,
        businessKey,
        workerId,
        expiresAt,
        newRetries,
        message,
        details,
        priority,
        suspended,
        createdAt,
        tenantId,
        rev + 1);
  }

  ExternalTaskRow withRetries(int newRetries) {
    return new ExternalTaskRow(
        id,
        topic,
        executionId,
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        activityId,
        businessKey,
        workerId,
        lockExpiresAt,
        newRetries,
        errorMessage,
        errorDetails,
        priority,
        suspended,
        createdAt,
        tenantId,
        rev + 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExternalTaskRow r && id.equals(r.id) && rev == r.rev;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, rev);
  }

  @Override
  public String toString() {
    return "ExternalTaskRow[id=" + id + ", topic=" + topic + ", rev=" + rev + "]";
  }
}

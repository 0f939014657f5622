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

  /** Whether {@code worker} holds an unexpired lock at {@code now}. */
  boolean lockedBy(String worker, Instant now) {
    return worker != null
        && worker.equals(workerId)
        && lockExpiresAt != null
        && lockExpiresAt.isAfter(now);
  }

  ExternalTaskRow locked(String worker, Instant expiresAt) {
    return next(worker, expiresAt, retries, errorMessage, errorDetails);
  }

  ExternalTaskRow failed(Integer newRetries, String message, byte[] details, Instant expiresAt) {
    return next(workerId, expiresAt, newRetries, message, details);
  }

  ExternalTaskRow withRetries(int newRetries) {
    return next(workerId, lockExpiresAt, newRetries, errorMessage, errorDetails);
  }

  /** This row at the next revision with the fields that workers change; the others unchanged. */
  private ExternalTaskRow next(
      String newWorkerId,
      Instant newLockExpiresAt,
      Integer newRetries,
      String newErrorMessage,
      byte[] newErrorDetails) {
    return new ExternalTaskRow(
        id,
        topic,
        executionId,
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        activityId,
        businessKey,
        newWorkerId,
        newLockExpiresAt,
        newRetries,
        newErrorMessage,
        newErrorDetails,
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

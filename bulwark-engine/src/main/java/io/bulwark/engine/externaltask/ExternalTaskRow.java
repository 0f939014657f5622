package io.bulwark.engine.externaltask;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One row of {@code bw_external_task}; {@code retries} {@code null} means "not set yet". */
public record ExternalTaskRow(
    String id,
    String topic,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    @Nullable String businessKey,
    @Nullable String workerId,
    @Nullable Instant lockExpiresAt,
    @Nullable Integer retries,
    @Nullable String errorMessage,
    byte @Nullable [] errorDetails,
    long priority,
    boolean suspended,
    Instant createdAt,
    @Nullable String tenantId,
    long rev) {

  public ExternalTaskRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    errorDetails = errorDetails == null ? null : errorDetails.clone();
  }

  @Override
  public byte @Nullable [] errorDetails() {
    return errorDetails == null ? null : errorDetails.clone();
  }

  /** Whether {@code worker} holds an unexpired lock at {@code now}. */
  boolean lockedBy(@Nullable String worker, Instant now) {
    return worker != null
        && worker.equals(workerId)
        && lockExpiresAt != null
        && lockExpiresAt.isAfter(now);
  }

  ExternalTaskRow locked(@Nullable String worker, @Nullable Instant expiresAt) {
    return next(worker, expiresAt, retries, errorMessage, errorDetails);
  }

  ExternalTaskRow failed(
      @Nullable Integer newRetries,
      @Nullable String message,
      byte @Nullable [] details,
      @Nullable Instant expiresAt) {
    return next(workerId, expiresAt, newRetries, message, details);
  }

  ExternalTaskRow withRetries(int newRetries) {
    return next(workerId, lockExpiresAt, newRetries, errorMessage, errorDetails);
  }

  /** This row at the next revision with the fields that workers change; the others unchanged. */
  private ExternalTaskRow next(
      @Nullable String newWorkerId,
      @Nullable Instant newLockExpiresAt,
      @Nullable Integer newRetries,
      @Nullable String newErrorMessage,
      byte @Nullable [] newErrorDetails) {
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

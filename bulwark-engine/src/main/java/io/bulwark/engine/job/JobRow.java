package io.bulwark.engine.job;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code bw_job}. {@code handlerConfig} is opaque to the executor and belongs to the
 * handler of {@code type} (for example the id of the timer event). {@code repeatInterval} and
 * {@code repeatsLeft} are set only for cycle timers: the ISO 8601 interval and how many firings
 * follow this one ({@code -1} for unbounded). {@code priority} ({@code camunda:jobPriority}, 0 when
 * the model sets none) orders acquisition: higher first.
 */
public record JobRow(
    String id,
    String type,
    @Nullable String executionId,
    @Nullable String processInstanceId,
    @Nullable String processDefinitionId,
    @Nullable String activityId,
    @Nullable Instant dueDate,
    int retries,
    @Nullable String lockOwner,
    @Nullable Instant lockExpiresAt,
    @Nullable String exceptionMessage,
    @Nullable String handlerConfig,
    boolean suspended,
    Instant createdAt,
    @Nullable String repeatInterval,
    @Nullable Integer repeatsLeft,
    long priority,
    long rev) {

  public JobRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** This row locked by {@code owner} until {@code expiresAt}, at the next revision. */
  JobRow lockedBy(String owner, Instant expiresAt) {
    return next(dueDate, retries, owner, expiresAt, exceptionMessage);
  }

  /** This row after a failure: retries and due date changed, unlocked, with the message. */
  JobRow failed(int newRetries, Instant newDueDate, @Nullable String message) {
    return next(newDueDate, newRetries, null, null, message);
  }

  /** This row with new retries, unlocked. */
  JobRow withRetries(int newRetries) {
    return next(dueDate, newRetries, null, null, exceptionMessage);
  }

  /** This row with new retries, lock unchanged. */
  JobRow withRetriesKeepingLock(int newRetries) {
    return next(dueDate, newRetries, lockOwner, lockExpiresAt, exceptionMessage);
  }

  /** This row at the next revision with the fields that jobs change; the others unchanged. */
  private JobRow next(
      @Nullable Instant newDueDate,
      int newRetries,
      @Nullable String newLockOwner,
      @Nullable Instant newLockExpiresAt,
      @Nullable String newExceptionMessage) {
    return new JobRow(
        id,
        type,
        executionId,
        processInstanceId,
        processDefinitionId,
        activityId,
        newDueDate,
        newRetries,
        newLockOwner,
        newLockExpiresAt,
        newExceptionMessage,
        handlerConfig,
        suspended,
        createdAt,
        repeatInterval,
        repeatsLeft,
        priority,
        rev + 1);
  }
}

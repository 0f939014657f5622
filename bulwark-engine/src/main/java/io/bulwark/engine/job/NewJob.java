package io.bulwark.engine.job;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A job the execution core asks {@link JobScheduler} to create. {@code dueDate} {@code null} means
 * "now". {@code handlerConfig} (at most 4000 characters) is passed back unchanged to the handler.
 * Use the factory methods; {@code executionId} and the others may be {@code null} for jobs that
 * belong to no instance (timer start events). {@code priority} orders acquisition (highest first).
 */
public record NewJob(
    String type,
    @Nullable String executionId,
    @Nullable String processInstanceId,
    @Nullable String processDefinitionId,
    @Nullable String activityId,
    @Nullable Instant dueDate,
    @Nullable String handlerConfig,
    long priority) {

  /** A job of priority 0. */
  public NewJob(
      String type,
      @Nullable String executionId,
      @Nullable String processInstanceId,
      @Nullable String processDefinitionId,
      @Nullable String activityId,
      @Nullable Instant dueDate,
      @Nullable String handlerConfig) {
    this(
        type,
        executionId,
        processInstanceId,
        processDefinitionId,
        activityId,
        dueDate,
        handlerConfig,
        0);
  }

  /** This job with {@code newPriority} ({@code camunda:jobPriority}; higher runs first). */
  public NewJob withPriority(long newPriority) {
    return new NewJob(
        type,
        executionId,
        processInstanceId,
        processDefinitionId,
        activityId,
        dueDate,
        handlerConfig,
        newPriority);
  }

  public NewJob {
    Objects.requireNonNull(type, "type");
    if (handlerConfig != null && handlerConfig.length() > 4000) {
      throw new IllegalArgumentException("handler configuration longer than 4000 characters");
    }
  }

  /** An asynchronous continuation of an execution, due now. */
  public static NewJob asyncContinuation(
      String executionId, String processInstanceId, String activityId, String handlerConfig) {
    return new NewJob(
        JobHandler.ASYNC_CONTINUATION,
        executionId,
        processInstanceId,
        null,
        activityId,
        null,
        handlerConfig);
  }

  /** A timer of {@code type} on an execution, due at {@code dueDate}. */
  public static NewJob timer(
      String type,
      String executionId,
      String processInstanceId,
      @Nullable String activityId,
      Instant dueDate,
      String handlerConfig) {
    Objects.requireNonNull(dueDate, "dueDate");
    return new NewJob(
        type, executionId, processInstanceId, null, activityId, dueDate, handlerConfig);
  }

  /** A timer start event of a process definition, due at {@code dueDate}. */
  public static NewJob timerStart(
      String processDefinitionId, String activityId, Instant dueDate, String handlerConfig) {
    Objects.requireNonNull(dueDate, "dueDate");
    return new NewJob(
        JobHandler.TIMER_START,
        null,
        null,
        processDefinitionId,
        activityId,
        dueDate,
        handlerConfig);
  }
}

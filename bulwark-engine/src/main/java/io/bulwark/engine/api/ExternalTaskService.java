package io.bulwark.engine.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * External tasks with Camunda 7 semantics, so that the Camunda external-task client works through
 * the REST layer. Every call is one transaction and checks the actor's permission first (Z2):
 * {@code EXTERNAL_TASK UPDATE} (on any task for fetching, on the task otherwise), {@code
 * EXTERNAL_TASK OPERATE} for unlock and retries. Calls that name a {@code workerId} require the
 * task to be locked by that worker with an unexpired lock and otherwise throw {@link
 * io.bulwark.engine.api.ConflictException}. Thread-safe.
 *
 * <p>Variable values are plain Java values: {@code String}, {@code Boolean}, {@code Long}/{@code
 * Integer}, {@code Double}, {@code Instant}, {@code byte[]}, a Jackson {@code JsonNode} (or
 * Map/List) for JSON, or {@code null}; anything else, and Java-serialized bytes, are refused (E4).
 */
public interface ExternalTaskService {

  /**
   * Locks and returns up to {@code maxTasks} unlocked (or lock-expired) tasks with retries left;
   * atomic, so two workers never get the same task.
   *
   * @throws io.bulwark.engine.api.ValidationException maxTasks or a lock duration out of bounds
   */
  List<LockedExternalTask> fetchAndLock(Principal actor, FetchRequest request);

  /** Completes a task: the execution core sets the variables and leaves the activity. */
  void complete(
      Principal actor,
      String taskId,
      String workerId,
      Map<String, Object> variables,
      Map<String, Object> localVariables);

  /**
   * Reports a failure: stores the message and details, sets the retries and makes the task
   * fetchable again after {@code retryTimeoutMillis}; at 0 retries an incident is created.
   */
  default void handleFailure(
      Principal actor,
      String taskId,
      String workerId,
      @Nullable String errorMessage,
      @Nullable String errorDetails,
      int retries,
      long retryTimeoutMillis) {
    handleFailure(
        actor,
        taskId,
        workerId,
        ExternalTaskFailure.of(errorMessage, errorDetails, retries, retryTimeoutMillis));
  }

  /**
   * Reports a failure as above, and sets the failure's variables while the task waits (its
   * execution stays at the task's activity), in the same transaction.
   */
  void handleFailure(Principal actor, String taskId, String workerId, ExternalTaskFailure failure);

  /** Throws a BPMN error at the task's activity, through the execution core. */
  void handleBpmnError(
      Principal actor,
      String taskId,
      String workerId,
      String errorCode,
      @Nullable String errorMessage,
      Map<String, Object> variables);

  /** Sets the lock to expire {@code newDurationMillis} from now. */
  void extendLock(Principal actor, String taskId, String workerId, long newDurationMillis);

  /** Removes the lock, whoever holds it. */
  void unlock(Principal actor, String taskId);

  /** Sets the retries; above 0 resolves the incidents, 0 creates one. */
  void setRetries(Principal actor, String taskId, int retries);

  /**
   * Registers a listener told when tasks may have become fetchable on this engine: after the commit
   * of a command that created one, and after an unlock, a failure report or a retries change. A
   * hint only (tasks made on other nodes, and locks that expire, are not signalled): re-check by
   * fetching. The listener runs on the committing thread and must return at once.
   */
  void addTaskAvailabilityListener(Runnable listener);

  void removeTaskAvailabilityListener(Runnable listener);

  /**
   * A page of external tasks the actor may read ({@code EXTERNAL_TASK READ}, Z2), oldest first,
   * with the total; at most 2000 a page (W8).
   *
   * @throws io.bulwark.engine.api.ValidationException paging out of bounds
   */
  Page<ExternalTaskView> findExternalTasks(
      Principal actor, ExternalTaskFilter filter, int firstResult, int maxResults);

  /**
   * The error details of the task's last failure report, empty when none was reported.
   *
   * @throws io.bulwark.engine.api.NotFoundException no such task, or one the actor may not read
   */
  java.util.Optional<String> getErrorDetails(Principal actor, String taskId);
}

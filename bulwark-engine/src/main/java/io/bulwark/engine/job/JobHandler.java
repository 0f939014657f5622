package io.bulwark.engine.job;

import io.bulwark.engine.bpmn.model.JobRetryCycle;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * What a job of one type does; implemented by the execution core (SPI). The executor calls {@link
 * #execute} inside a fresh command transaction of its own: all writes the handler registers in
 * {@code context.unitOfWork()} commit together with the removal of the job, or not at all. The
 * handler must not commit, must not catch and hide failures (throwing is how a retry is asked for),
 * and must be thread-safe: several executor threads call it at once.
 *
 * <p>Types in use: {@link #ASYNC_CONTINUATION}, {@link #TIMER_START}, {@link #TIMER_INTERMEDIATE},
 * {@link #TIMER_BOUNDARY}; others may be added (at most 64 characters).
 */
public interface JobHandler {

  /** Continue an execution after an asynchronous boundary ({@code camunda:asyncBefore/After}). */
  String ASYNC_CONTINUATION = "async-continuation";

  /** A timer start event fires: start an instance. */
  String TIMER_START = "timer-start";

  /** An intermediate timer catch event fires: leave it. */
  String TIMER_INTERMEDIATE = "timer-intermediate";

  /** A boundary timer fires: interrupt or fork the activity it is attached to. */
  String TIMER_BOUNDARY = "timer-boundary";

  /** Remove history past its retention (D5); one such job per database, not tied to an instance. */
  String HISTORY_CLEANUP = "history-cleanup";

  /** Re-encrypt sensitive values with the primary key after a rotation (D2); one per database. */
  String VARIABLE_REENCRYPT = "variable-reencrypt";

  /** The job type this handler runs, unique among the registered handlers. */
  String type();

  /**
   * Runs the job. The job row is as locked by this executor; the executor deletes it (or, for a
   * cycle timer with firings left, schedules the next one) after this returns.
   *
   * @throws RuntimeException or {@link SQLException} to fail the job: everything is rolled back and
   *     the retries are decremented in a separate transaction
   */
  void execute(CommandContext context, JobRow job) throws SQLException;

  /**
   * The retry cycle of {@code job}, which just failed ({@code camunda:failedJobRetryTimeCycle} of
   * its node), or null for the executor's default retries and retry delay.
   */
  default @Nullable JobRetryCycle retryCycle(CommandContext context, JobRow job)
      throws SQLException {
    return null;
  }
}

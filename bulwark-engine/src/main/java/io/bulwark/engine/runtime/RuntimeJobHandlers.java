package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.JobRetryCycle;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.job.JobRow;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The job handlers of the execution core (O5): async continuations, the three timer kinds and
 * asynchronous signal throws. Each runs in the job executor's command; a handler that throws (an
 * unhandled BPMN error included) fails the job, which is retried and becomes an incident when its
 * retries are used up.
 */
public final class RuntimeJobHandlers {

  private RuntimeJobHandlers() {}

  /** The handlers for {@code runtime}; thread-safe. */
  public static List<JobHandler> of(ProcessRuntime runtime) {
    return List.of(
        handler(
            runtime,
            JobHandler.ASYNC_CONTINUATION,
            (c, job) -> runtime.continueAsync(c, executionOf(job), job.handlerConfig())),
        handler(
            runtime,
            JobHandler.TIMER_INTERMEDIATE,
            (c, job) -> runtime.fireTimer(c, job.id(), executionOf(job), activityOf(job))),
        handler(
            runtime,
            JobHandler.TIMER_BOUNDARY,
            (c, job) -> runtime.fireTimer(c, job.id(), executionOf(job), activityOf(job))),
        handler(
            runtime,
            JobHandler.TIMER_START,
            (c, job) -> runtime.startByTimer(c, definitionOf(job), activityOf(job))),
        handler(
            runtime,
            Signals.THROW_JOB,
            (c, job) ->
                runtime.throwSignal(
                    c, Objects.requireNonNull(job.handlerConfig(), "job without signal name"))));
  }

  // The engine writes these columns for every job of these types; a row without them is corrupt.
  private static String executionOf(JobRow job) {
    return Objects.requireNonNull(job.executionId(), "job without execution");
  }

  private static String activityOf(JobRow job) {
    return Objects.requireNonNull(job.activityId(), "job without activity");
  }

  private static String definitionOf(JobRow job) {
    return Objects.requireNonNull(job.processDefinitionId(), "job without process definition");
  }

  @FunctionalInterface
  private interface Action {
    void run(CommandContext context, JobRow job) throws SQLException;
  }

  private static JobHandler handler(ProcessRuntime runtime, String type, Action action) {
    return new JobHandler() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public void execute(CommandContext context, JobRow job) throws SQLException {
        action.run(context, job);
      }

      @Override
      public @Nullable JobRetryCycle retryCycle(CommandContext context, JobRow job)
          throws SQLException {
        String definitionId = job.processDefinitionId();
        String activityId = job.activityId();
        if (definitionId == null || activityId == null) {
          return null;
        }
        return runtime
            .definitions()
            .get(context.connection(), definitionId)
            .model()
            .retryCycles()
            .of(activityId);
      }

      @Override
      public String toString() {
        return "JobHandler[" + type + "]";
      }
    };
  }
}

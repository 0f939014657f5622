package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.job.JobRow;
import io.bulwark.engine.job.JobRows;
import io.bulwark.engine.job.NewJob;

/**
 * The one place where {@code camunda:asyncBefore} and {@code asyncAfter} are decided: {@link
 * #before} and {@link #after} register an {@code async-continuation} job in the current unit of
 * work (so the command commits here and the job executor goes on in a new transaction) and return
 * {@code true} so that the agenda stops for this execution. The job's handler configuration is
 * {@value #BEFORE} or {@value #AFTER}; {@link ProcessRuntime#continueAsync} resumes.
 */
final class AsyncContinuation {

  static final String BEFORE = "before";
  static final String AFTER = "after";

  /** Defers entering the behaviour of {@code activity} (any flow node) to a job; always true. */
  boolean before(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode activity) {
    schedule(session, instance, execution, activity, BEFORE);
    return true;
  }

  /** Defers taking {@code activity}'s outgoing flows to a job; always true. */
  boolean after(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode activity) {
    schedule(session, instance, execution, activity, AFTER);
    return true;
  }

  private static void schedule(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      FlowNode activity,
      String phase) {
    NewJob job =
        new NewJob(
            io.bulwark.engine.job.JobHandler.ASYNC_CONTINUATION,
            execution.id(),
            instance.id(),
            instance.process().definitionId(),
            activity.id(),
            null,
            phase,
            instance.process().model().jobPriorities().of(activity.id()));
    JobRow row = session.runtime().jobs().schedule(session.context(), job);
    session.attachments().created(execution.id(), JobRows.WRITER, row.id());
  }
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import io.bulwark.engine.job.JobRow;
import io.bulwark.engine.job.JobRows;
import io.bulwark.engine.job.NewJob;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

  /** Prefix of the phase of a gateway's asyncAfter job, followed by the ID of the flow it takes. */
  static final String AFTER_FLOW = "after-flow:";

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

  /**
   * A gateway leaves along {@code flows}, which it chose itself: at once, or, with {@code
   * asyncAfter}, as in Camunda, one token per flow (forked here like {@link
   * Operations.TakeFlowsOperation} does), each waiting at the gateway for its own job that takes
   * its flow ({@value #AFTER_FLOW}{@code flowId}).
   */
  void leaveGateway(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      FlowNode gateway,
      List<SequenceFlow> flows) {
    if (!gateway.async().after() || flows.isEmpty()) {
      session.agenda().plan(new Operations.TakeFlowsOperation(instance, execution, flows));
      return;
    }
    for (int i = 0; i < flows.size(); i++) {
      Execution token = execution;
      if (i > 0) {
        token = instance.createChild(instance.parentOf(execution));
        token.moveTo(gateway.id(), execution.activityInstanceId());
        token.setConcurrent(true);
        execution.setConcurrent(true);
      }
      schedule(session, instance, token, gateway, AFTER_FLOW + flows.get(i).id());
    }
  }

  /** The flow an {@value #AFTER_FLOW} job takes, or null for other phases. */
  static @Nullable String flowOf(@Nullable String phase) {
    return phase != null && phase.startsWith(AFTER_FLOW)
        ? phase.substring(AFTER_FLOW.length())
        : null;
  }

  /** The outgoing flow {@code flowId} of {@code gateway}, which its job was scheduled for. */
  static SequenceFlow flow(InstanceState instance, FlowNode gateway, String flowId) {
    return instance.model().outgoing(gateway.id()).stream()
        .filter(f -> f.id().equals(flowId))
        .findFirst()
        .orElseThrow(
            () ->
                new ProcessExecutionException(
                    "flow " + flowId + " does not leave " + gateway.id() + " any more"));
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

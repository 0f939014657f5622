package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where {@code camunda:asyncBefore} and {@code asyncAfter} are decided. Until the job
 * executor is wired in, the engine continues synchronously in the same transaction (the instance
 * behaves the same, only the transaction boundary differs), and says so at DEBUG. When jobs are
 * available, {@link #before} and {@link #after} create an async-continuation job and return {@code
 * true} so that the agenda stops here.
 */
final class AsyncContinuation {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncContinuation.class);

  /** Returns true when the continuation was deferred to a job. */
  boolean before(
      RuntimeSession session, InstanceState instance, Execution execution, Activity activity) {
    LOG.debug("asyncBefore of {} runs synchronously (no job executor)", activity.id());
    return false;
  }

  /** Returns true when the continuation was deferred to a job. */
  boolean after(
      RuntimeSession session, InstanceState instance, Execution execution, Activity activity) {
    LOG.debug("asyncAfter of {} runs synchronously (no job executor)", activity.id());
    return false;
  }
}

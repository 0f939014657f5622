package io.bulwark.engine.externaltask;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners of this engine that external tasks may have become fetchable: run after the
 * commit of a command that created one, and after an unlock, a failure report or a retries change.
 * A hint, not a promise (another worker may fetch the task first; tasks created on another node are
 * not signalled here), so a listener must re-check by fetching. Listeners run on the committing
 * thread and must return at once (hand the work to their own thread). Thread-safe.
 */
public final class ExternalTaskSignal implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalTaskSignal.class);

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  @Override
  public void run() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("An external task listener failed; the command itself committed", e);
      }
    }
  }
}

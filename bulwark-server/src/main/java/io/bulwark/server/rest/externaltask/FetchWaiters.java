package io.bulwark.server.rest.externaltask;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ExternalTaskService;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.LockedTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The fetches that wait for tasks (long polling, E8). A waiting worker holds no request thread: its
 * request is suspended (Servlet async) behind a {@link DeferredResult}, and one background thread
 * retries the fetches when the engine signals new or released tasks, every {@code recheckInterval}
 * for what no signal announces (other nodes, expired locks, retry timeouts), and answers an empty
 * list at the deadline. At most {@code maxWaitingRequests} wait at once. Thread-safe.
 */
@Component
final class FetchWaiters implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(FetchWaiters.class);

  private final ExternalTaskService service;
  private final ExternalTaskApiSettings settings;
  private final Object lock = new Object();
  private final List<Waiter> waiting = new ArrayList<>();
  private final Runnable listener = this::signal;
  private final Thread thread;
  private boolean signalled;
  private boolean stopped;

  FetchWaiters(BulwarkEngine engine, ExternalTaskApiSettings settings) {
    this.service = engine.externalTaskService();
    this.settings = settings;
    this.service.addTaskAvailabilityListener(listener);
    this.thread = new Thread(this::run, "bulwark-fetch-waiters");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Lets the fetch wait up to {@code timeout} for tasks.
   *
   * @return false when {@code maxWaitingRequests} fetches wait already (nothing registered)
   */
  boolean await(
      Principal principal,
      FetchRequest request,
      Duration timeout,
      DeferredResult<List<LockedTask>> result) {
    long now = System.nanoTime();
    // Checked once more at once: a task committed between the caller's fetch and this
    // registration signalled nobody.
    Waiter waiter = new Waiter(principal, request, now + timeout.toNanos(), result, now);
    synchronized (lock) {
      if (stopped || waiting.size() >= settings.maxWaitingRequests()) {
        return false;
      }
      waiting.add(waiter);
      lock.notifyAll();
    }
    return true;
  }

  int waitingCount() {
    synchronized (lock) {
      return waiting.size();
    }
  }

  /** Called by the engine on the committing thread: only flags and wakes. */
  private void signal() {
    synchronized (lock) {
      signalled = true;
      lock.notifyAll();
    }
  }

  private void run() {
    while (true) {
      List<Waiter> snapshot;
      boolean wasSignalled;
      synchronized (lock) {
        try {
          sleepUntilDue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (stopped) {
          return;
        }
        wasSignalled = signalled;
        signalled = false;
        snapshot = List.copyOf(waiting);
      }
      for (Waiter waiter : snapshot) {
        if (serve(waiter, wasSignalled)) {
          synchronized (lock) {
            waiting.remove(waiter);
          }
        }
      }
    }
  }

  /** Waits, holding {@link #lock}, for a signal, a new waiter, a deadline or a recheck. */
  private void sleepUntilDue() throws InterruptedException {
    while (!stopped && !signalled) {
      long next = Long.MAX_VALUE;
      long now = System.nanoTime();
      for (Waiter waiter : waiting) {
        next = Math.min(next, Math.min(waiter.deadline, waiter.nextCheck));
      }
      if (next == Long.MAX_VALUE) {
        lock.wait();
        continue;
      }
      long millis = Math.max(0, (next - now) / 1_000_000);
      if (millis == 0) {
        return;
      }
      lock.wait(millis);
      if (System.nanoTime() >= next) {
        return;
      }
    }
  }

  /** Serves one waiter; true when it is done (answered or gone). */
  private boolean serve(Waiter waiter, boolean wasSignalled) {
    if (waiter.result.isSetOrExpired()) {
      return true;
    }
    long now = System.nanoTime();
    if (!wasSignalled && now < waiter.nextCheck && now < waiter.deadline) {
      return false;
    }
    try {
      List<LockedExternalTask> tasks = service.fetchAndLock(waiter.principal, waiter.request);
      if (!tasks.isEmpty()) {
        if (!waiter.result.setResult(tasks.stream().map(LockedTask::of).toList())) {
          LOG.info(
              "worker {} went away before {} fetched task(s) reached it; they stay locked until"
                  + " their lock expires",
              waiter.request.workerId(),
              tasks.size());
        }
        return true;
      }
    } catch (RuntimeException e) {
      waiter.result.setErrorResult(e);
      return true;
    }
    if (System.nanoTime() >= waiter.deadline) {
      waiter.result.setResult(List.of());
      return true;
    }
    waiter.nextCheck = System.nanoTime() + settings.recheckInterval().toNanos();
    return false;
  }

  @Override
  public void destroy() throws InterruptedException {
    service.removeTaskAvailabilityListener(listener);
    synchronized (lock) {
      stopped = true;
      for (Waiter waiter : waiting) {
        waiter.result.setResult(List.of());
      }
      waiting.clear();
      lock.notifyAll();
    }
    thread.join(5_000);
  }

  /** One waiting fetch; {@code nextCheck} is touched only by the waiter thread. */
  private static final class Waiter {
    private final Principal principal;
    private final FetchRequest request;
    private final long deadline;
    private final DeferredResult<List<LockedTask>> result;
    private long nextCheck;

    Waiter(
        Principal principal,
        FetchRequest request,
        long deadline,
        DeferredResult<List<LockedTask>> result,
        long nextCheck) {
      this.principal = principal;
      this.request = request;
      this.deadline = deadline;
      this.result = result;
      this.nextCheck = nextCheck;
    }
  }
}

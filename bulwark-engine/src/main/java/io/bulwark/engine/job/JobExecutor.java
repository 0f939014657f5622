package io.bulwark.engine.job;

import io.bulwark.engine.api.JobExecutorSettings;
import io.bulwark.engine.command.CommandExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background job executor of one engine instance (O5): one acquisition thread locks due jobs in
 * short transactions under this instance's unique lock owner, and a bounded pool of {@link
 * JobExecutorSettings#threads()} worker threads runs each in its own transaction. At most {@code
 * threads + maxJobsPerAcquisition} jobs are locked by this instance at any time. When idle, the
 * acquisition waits {@code pollInterval}, doubling up to {@code maxPollInterval}; {@link
 * #hintJobsDue()} wakes it at once. Several executors, in one JVM or on several nodes, may share a
 * database: no job is run by two of them at once. Thread-safe.
 */
public final class JobExecutor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);

  private final CommandExecutor commands;
  private final JobExecutorSettings settings;
  private final JobRunner runner;
  private final String lockOwner = "bulwark-" + UUID.randomUUID();
  private final Semaphore capacity;
  private final Object monitor = new Object();
  private @Nullable ThreadPoolExecutor workers;
  private @Nullable Thread acquisition;
  private volatile boolean running;
  private boolean hinted;

  public JobExecutor(CommandExecutor commands, JobHandlers handlers, JobExecutorSettings settings) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.runner = new JobRunner(commands, handlers, settings.retryDelay());
    this.capacity = new Semaphore(settings.threads() + settings.maxJobsPerAcquisition());
  }

  /** This instance's lock owner, unique per executor. */
  public String lockOwner() {
    return lockOwner;
  }

  /** Starts acquiring and running jobs; does nothing when already running. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    AtomicInteger number = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> new Thread(r, "bulwark-job-" + number.incrementAndGet()));
    Thread thread = new Thread(this::acquireLoop, "bulwark-job-acquisition");
    acquisition = thread;
    thread.start();
    LOG.info("Job executor {} started with {} threads", lockOwner, settings.threads());
  }

  /** Wakes the acquisition thread, for example after a command created a job that is due now. */
  public void hintJobsDue() {
    synchronized (monitor) {
      hinted = true;
      monitor.notifyAll();
    }
  }

  /**
   * Stops acquiring, waits up to {@code shutdownTimeout} for running jobs, then interrupts those
   * still running; jobs acquired but not started are released. Returns whether all jobs finished in
   * time. Restores the caller's interrupt flag if interrupted while waiting.
   */
  public synchronized boolean stop() {
    if (!running) {
      return true;
    }
    running = false;
    hintJobsDue();
    // Both are set by start(), which set running.
    Thread thread = Objects.requireNonNull(acquisition);
    ThreadPoolExecutor pool = Objects.requireNonNull(workers);
    boolean finished = false;
    try {
      thread.join(settings.shutdownTimeout().toMillis());
      pool.shutdown();
      finished =
          pool.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!finished) {
        List<Runnable> notStarted = pool.shutdownNow();
        notStarted.forEach(task -> ((LockedJob) task).release());
      }
    }
    LOG.info("Job executor {} stopped; all jobs finished: {}", lockOwner, finished);
    return finished;
  }

  @Override
  public void close() {
    stop();
  }

  /** The runner, for executing a job at once from a management command. */
  JobRunner runner() {
    return runner;
  }

  private void acquireLoop() {
    Duration idle = settings.pollInterval();
    while (running) {
      Duration wait;
      try {
        wait = acquireOnce() ? Duration.ZERO : idle;
        idle = wait.isZero() ? settings.pollInterval() : doubled(idle);
      } catch (RuntimeException e) {
        LOG.warn("Job acquisition failed; retrying in {}", idle, e);
        wait = idle;
        idle = doubled(idle);
      }
      if (!pause(wait)) {
        return;
      }
    }
  }

  /** One acquisition; returns whether to ask again at once. */
  private boolean acquireOnce() {
    int free = capacity.availablePermits();
    if (free == 0) {
      return false;
    }
    int wanted = Math.min(free, settings.maxJobsPerAcquisition());
    Acquisition result =
        commands.execute(
            JobRunner.SYSTEM, new AcquireJobsCommand(lockOwner, settings.lockDuration(), wanted));
    ThreadPoolExecutor pool = Objects.requireNonNull(workers, "acquisition runs after start()");
    for (JobRow job : result.locked()) {
      capacity.acquireUninterruptibly();
      pool.execute(new LockedJob(job));
    }
    // Full page or a lost race: more due jobs are likely waiting.
    return result.candidates() == wanted || result.candidates() > result.locked().size();
  }

  /** Waits, or returns early on a hint; returns false when interrupted. */
  private boolean pause(Duration wait) {
    if (wait.isZero()) {
      return true;
    }
    synchronized (monitor) {
      try {
        long deadline = System.nanoTime() + wait.toNanos();
        long left = wait.toNanos();
        while (!hinted && running && left > 0) {
          monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
          left = deadline - System.nanoTime();
        }
        hinted = false;
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private Duration doubled(Duration idle) {
    Duration next = idle.multipliedBy(2);
    return next.compareTo(settings.maxPollInterval()) > 0 ? settings.maxPollInterval() : next;
  }

  /** A locked job queued for a worker; gives its capacity back when done. */
  private final class LockedJob implements Runnable {

    private final JobRow job;

    LockedJob(JobRow job) {
      this.job = job;
    }

    @Override
    public void run() {
      try {
        runner.run(job);
      } finally {
        capacity.release();
        hintJobsDue();
      }
    }

    void release() {
      runner.release(job.id(), lockOwner);
      capacity.release();
    }
  }
}

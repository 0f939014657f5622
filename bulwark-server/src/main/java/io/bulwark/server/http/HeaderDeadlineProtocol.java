package io.bulwark.server.http;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a deadline for the request line and headers (W6, E8).
 * Tomcat's read timeout restarts at every byte, so a client that sends one header every few seconds
 * (slowloris) would hold its connection for as long as it likes. Here a task on Tomcat's utility
 * executor looks at every open connection a few times a second and closes each whose request has
 * been in Tomcat's parse stage (request line and headers, counted from their first byte) for longer
 * than the header timeout. Tomcat still does all the parsing; this only reads its request state and
 * closes the connection the way Tomcat's own timeouts do (an error event on the socket).
 */
public final class HeaderDeadlineProtocol extends Http11NioProtocol {

  private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadlineProtocol.class);

  private volatile long timeoutNanos = TimeUnit.SECONDS.toNanos(10);
  private @Nullable ScheduledFuture<?> reaper;

  /** How long the request line and headers may take from their first byte. */
  public void setHeaderTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /** The header timeout. */
  public Duration getHeaderTimeout() {
    return Duration.ofNanos(timeoutNanos);
  }

  @Override
  public void start() throws Exception {
    super.start();
    long period = Math.max(50, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 8));
    reaper =
        getUtilityExecutor()
            .scheduleWithFixedDelay(this::closeLateRequests, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws Exception {
    ScheduledFuture<?> running = reaper;
    if (running != null) {
      running.cancel(false);
      reaper = null;
    }
    super.stop();
  }

  /** Closes every connection whose request line and headers are past the deadline. */
  void closeLateRequests() {
    try {
      AbstractEndpoint<NioChannel, ?> endpoint = getEndpoint();
      long now = System.nanoTime();
      for (SocketWrapperBase<NioChannel> wrapper : endpoint.getConnections()) {
        if (isLate(wrapper.getCurrentProcessor(), now, timeoutNanos)) {
          LOG.debug("closing a connection whose request headers are late (W6)");
          wrapper.setError(new SocketTimeoutException("request headers past their deadline"));
          if (!endpoint.processSocket(wrapper, SocketEvent.ERROR, true)) {
            wrapper.close();
          }
        }
      }
    } catch (RuntimeException e) {
      // The next run tries again; a failure here must not end the scheduled task.
      LOG.warn("header deadline check failed", e);
    }
  }

  /**
   * Whether the processor waits for the rest of a request line or headers that began longer ago
   * than the timeout. A processor stays with its connection between reads only while a request is
   * incomplete or asynchronous (a long poll, left alone here); Tomcat marks the wait as stage
   * ENDED, or PARSE or KEEPALIVE while it reads, and clears the start time after each request.
   */
  static boolean isLate(Object processor, long now, long timeoutNanos) {
    if (!(processor instanceof AbstractProcessor held) || held.isAsync()) {
      return false;
    }
    Request request = held.getRequest();
    long start = request.getStartTimeNanos();
    int stage = request.getRequestProcessor().getStage();
    boolean waiting =
        stage == Constants.STAGE_PARSE
            || stage == Constants.STAGE_KEEPALIVE
            || stage == Constants.STAGE_ENDED;
    return waiting && start >= 0 && now - start > timeoutNanos;
  }
}

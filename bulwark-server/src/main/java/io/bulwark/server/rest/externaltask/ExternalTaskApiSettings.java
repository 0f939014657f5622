package io.bulwark.server.rest.externaltask;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Long polling of {@code POST /engine-rest/external-task/fetchAndLock} (E8), bound from {@code
 * bulwark.api.external-task.*}; a value out of bounds refuses to start.
 *
 * @param maxAsyncResponseTimeout the longest {@code "asyncResponseTimeout"} a worker may ask for;
 *     longer is a 400 (default 1 minute, 1 second to 30 minutes)
 * @param maxWaitingRequests fetches that may wait at once on this server; one more is answered 429
 *     with {@code Retry-After} (default 1000, 1 to 100000)
 * @param recheckInterval how often waiting fetches look for tasks that no signal announced (tasks
 *     made on another node, expired locks, retry timeouts); default 2 seconds, 100 ms to 1 minute
 */
@ConfigurationProperties("bulwark.api.external-task")
public record ExternalTaskApiSettings(
    @DefaultValue("PT1M") Duration maxAsyncResponseTimeout,
    @DefaultValue("1000") int maxWaitingRequests,
    @DefaultValue("PT2S") Duration recheckInterval) {

  public ExternalTaskApiSettings {
    if (maxAsyncResponseTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || maxAsyncResponseTimeout.compareTo(Duration.ofMinutes(30)) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.external-task.max-async-response-timeout "
              + maxAsyncResponseTimeout
              + "; must be PT1S to PT30M (E8)");
    }
    if (maxWaitingRequests < 1 || maxWaitingRequests > 100_000) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.external-task.max-waiting-requests "
              + maxWaitingRequests
              + "; must be 1 to 100000 (E8)");
    }
    if (recheckInterval.compareTo(Duration.ofMillis(100)) < 0
        || recheckInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.external-task.recheck-interval "
              + recheckInterval
              + "; must be PT0.1S to PT1M");
    }
  }
}

package io.bulwark.server.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a web app session lives (A10). Bound from {@code bulwark.session.*}; a value out of
 * bounds refuses to start.
 *
 * @param idleTimeout a session unused this long ends; default 30 minutes, 1 minute to 12 hours
 * @param absoluteTimeout a session this old ends however busy; default 8 hours, at least the idle
 *     timeout and at most 7 days
 * @param lastUsedInterval how often a session's last use is written to the database (shown on the
 *     profile page and over the API); default 1 minute, 1 second to 10 minutes. The check whether a
 *     session was ended on another node runs at every request regardless.
 */
@ConfigurationProperties("bulwark.session")
public record SessionSettings(
    @DefaultValue("PT30M") Duration idleTimeout,
    @DefaultValue("PT8H") Duration absoluteTimeout,
    @DefaultValue("PT1M") Duration lastUsedInterval) {

  static final Duration MIN_IDLE = Duration.ofMinutes(1);
  static final Duration MAX_IDLE = Duration.ofHours(12);
  static final Duration MAX_ABSOLUTE = Duration.ofDays(7);
  static final Duration MIN_LAST_USED = Duration.ofSeconds(1);
  static final Duration MAX_LAST_USED = Duration.ofMinutes(10);

  public SessionSettings {
    if (idleTimeout.compareTo(MIN_IDLE) < 0 || idleTimeout.compareTo(MAX_IDLE) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.session.idle-timeout " + idleTimeout + "; must be PT1M to PT12H (A10)");
    }
    if (absoluteTimeout.compareTo(idleTimeout) < 0 || absoluteTimeout.compareTo(MAX_ABSOLUTE) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.session.absolute-timeout "
              + absoluteTimeout
              + "; must be at least the idle timeout and at most P7D (A10)");
    }
    if (lastUsedInterval.compareTo(MIN_LAST_USED) < 0
        || lastUsedInterval.compareTo(MAX_LAST_USED) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.session.last-used-interval "
              + lastUsedInterval
              + "; must be PT1S to PT10M (A10)");
    }
  }
}

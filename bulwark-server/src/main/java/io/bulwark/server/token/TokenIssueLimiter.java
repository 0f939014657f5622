package io.bulwark.server.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the access tokens issued to each user in a sliding window of one minute (W14, A9). The
 * state is in this server's memory: several nodes each allow the limit (O5 is not met here).
 * Entries of users who got no token for a minute are dropped once many users are tracked, so memory
 * stays bounded by the users who signed in recently. Thread-safe.
 */
final class TokenIssueLimiter {

  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int SWEEP_ABOVE = 10_000;

  private final int limit;
  private final Clock clock;
  private final Map<String, Deque<Instant>> issued = new ConcurrentHashMap<>();

  TokenIssueLimiter(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /**
   * Records one issue for the user if the limit allows it.
   *
   * @return empty when the token may be issued; otherwise how long until the next one may
   */
  Optional<Duration> tryIssue(String userId) {
    Instant now = clock.instant();
    Instant oldest = now.minus(WINDOW);
    if (issued.size() > SWEEP_ABOVE) {
      issued.values().removeIf(times -> newestBefore(times, oldest));
    }
    Deque<Instant> times = issued.computeIfAbsent(userId, id -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
        times.removeFirst();
      }
      if (times.size() >= limit) {
        return Optional.of(Duration.between(oldest, times.peekFirst()));
      }
      times.addLast(now);
      return Optional.empty();
    }
  }

  private static boolean newestBefore(Deque<Instant> times, Instant oldest) {
    synchronized (times) {
      return times.isEmpty() || !times.peekLast().isAfter(oldest);
    }
  }
}

package io.bulwark.server.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (W14): each key may make {@code perSecond} requests a second on average and
 * up to {@code 2 × perSecond} at once. State is in this server's memory (several nodes each allow
 * the limit). Buckets that have filled up again are dropped once many keys are tracked, so memory
 * stays bounded by the keys active in the last seconds. Thread-safe.
 */
final class RateLimiter {

  static final int BURST_SECONDS = 2;
  private static final int SWEEP_ABOVE = 50_000;

  private final double perSecond;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.capacity = (double) perSecond * BURST_SECONDS;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one request from the key's bucket.
   *
   * @return empty when the request may pass; otherwise how long until the next one may
   */
  Optional<Duration> tryAcquire(String key) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
  }

  int trackedKeys() {
    return buckets.size();
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized Optional<Duration> take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      long waitNanos = (long) Math.ceil((1 - tokens) / perSecond * 1e9);
      return Optional.of(Duration.ofNanos(waitNanos));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
      last = now;
    }
  }
}

package io.bulwark.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A request refused at a bound (W14, E8), answered 429 with {@code Retry-After} by the REST
 * exception handler. The detail is our own text, never request input.
 */
public final class TooManyRequestsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public TooManyRequestsException(String detail, Duration retryAfter) {
    super(Objects.requireNonNull(detail, "detail"), null, false, false);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** The value of a {@code Retry-After} header: whole seconds, rounded up, at least 1. */
  public String retryAfterHeader() {
    long millis = retryAfter.toMillis();
    return String.valueOf(Math.max(1, (millis + 999) / 1000));
  }
}

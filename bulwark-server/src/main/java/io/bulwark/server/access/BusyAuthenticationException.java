package io.bulwark.server.access;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Authentication was not attempted because the server is at a bound that protects it (E8, W14):
 * every password-check slot stayed taken during the short wait, or a cap on sessions or tokens was
 * reached. The client should try again after {@link #retryAfter()}; the API answers 429 with {@code
 * Retry-After}, the login form a generic "try again" page. Says nothing about the credentials.
 */
public final class BusyAuthenticationException extends AuthenticationException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public BusyAuthenticationException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long the client should wait before it tries again; at least one second. */
  public Duration retryAfter() {
    return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
  }

  /** The value of a {@code Retry-After} header: whole seconds, rounded up. */
  public String retryAfterHeader() {
    Duration d = retryAfter();
    return String.valueOf(d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
  }
}

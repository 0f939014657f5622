package io.bulwark.server.auth;

import io.bulwark.server.access.BusyAuthenticationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Bounds the password checks that run at once (E8, W14): a fair semaphore of {@link
 * PasswordCheckSettings#maxConcurrent()} slots shared by the web form login and HTTP Basic on every
 * API group. A request waits at most {@link PasswordCheckSettings#maxWait()} for a slot; then it is
 * refused with {@link BusyAuthenticationException} without its password being looked at, so a flood
 * of anonymous guesses costs the server a bounded amount of CPU and memory and cannot delay the
 * other requests beyond the wait. Refusals are counted and logged at most once a second.
 * Thread-safe; one instance per server.
 */
public final class PasswordCheckLimiter {

  private static final Logger LOG = LoggerFactory.getLogger("bulwark.auth");

  private final PasswordCheckSettings settings;
  private final Semaphore slots;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastLog = new AtomicLong();

  public PasswordCheckLimiter(PasswordCheckSettings settings) {
    this.settings = settings;
    this.slots = new Semaphore(settings.maxConcurrent(), true);
  }

  /** The provider, with each of its checks holding a slot while it runs. */
  public AuthenticationProvider guard(AuthenticationProvider passwords) {
    return new Guarded(this, passwords);
  }

  /** How many requests were refused for want of a slot since the start. */
  public long refused() {
    return refused.get();
  }

  private @Nullable Authentication check(AuthenticationProvider passwords, Authentication request) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationServiceException("interrupted while waiting for a password check");
    }
    if (!acquired) {
      long count = refused.incrementAndGet();
      long now = System.nanoTime();
      long last = lastLog.get();
      if (now - last > 1_000_000_000L && lastLog.compareAndSet(last, now)) {
        LOG.warn(
            "password checks busy: {} running, request refused with 429 ({} refused since start)"
                + " (E8, W14)",
            settings.maxConcurrent(),
            count);
      }
      throw new BusyAuthenticationException(
          "too many password checks at once", settings.maxWait().plusSeconds(1));
    }
    try {
      return passwords.authenticate(request);
    } finally {
      slots.release();
    }
  }

  /** The decorator; supports what the guarded provider supports. */
  private static final class Guarded implements AuthenticationProvider {
    private final PasswordCheckLimiter limiter;
    private final AuthenticationProvider passwords;

    Guarded(PasswordCheckLimiter limiter, AuthenticationProvider passwords) {
      this.limiter = limiter;
      this.passwords = passwords;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication request)
        throws AuthenticationException {
      return limiter.check(passwords, request);
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return passwords.supports(authentication);
    }
  }
}

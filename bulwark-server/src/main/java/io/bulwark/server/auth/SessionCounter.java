package io.bulwark.server.auth;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the live servlet sessions of the server (E8): registered as a servlet listener, it sees
 * every session created and destroyed (expired, invalidated at logout, ended by a cap).
 * Thread-safe.
 */
public final class SessionCounter implements HttpSessionListener {

  private final AtomicInteger active = new AtomicInteger();

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    active.incrementAndGet();
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    active.decrementAndGet();
  }

  /** The sessions that exist now. */
  public int active() {
    return active.get();
  }
}

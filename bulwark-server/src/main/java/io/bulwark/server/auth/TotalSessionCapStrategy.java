package io.bulwark.server.auth;

import io.bulwark.server.access.BusyAuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * Refuses a sign-in that would create a session while {@link SessionLimitSettings#maxTotal()}
 * sessions exist (E8), before the session is created; the login form then answers 429 "try again".
 * A sign-in that reuses a session (none do today: sessions start at sign-in) is not refused.
 */
final class TotalSessionCapStrategy implements SessionAuthenticationStrategy {

  private final SessionCounter counter;
  private final int maxTotal;

  TotalSessionCapStrategy(SessionCounter counter, int maxTotal) {
    this.counter = counter;
    this.maxTotal = maxTotal;
  }

  @Override
  public void onAuthentication(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) == null && counter.active() >= maxTotal) {
      throw new BusyAuthenticationException(
          "the server holds " + maxTotal + " sessions (bulwark.session.max-total)",
          Duration.ofSeconds(30));
    }
  }
}

package io.bulwark.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session older than the absolute timeout (A10), however active it was: the session is
 * invalidated and the browser sent to the login page. The idle timeout is the servlet container's
 * job ({@link SessionCookieCustomizer}).
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

  private final SessionSettings settings;
  private final AuthEventLog events;
  private final Clock clock;

  SessionLifetimeFilter(SessionSettings settings, AuthEventLog events, Clock clock) {
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && isTooOld(session)) {
      var authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.isAuthenticated()) {
        events.sessionEnded(authentication.getName(), "absolute_timeout", request);
      }
      SessionEnd.invalidateAndRedirectToLogin(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isTooOld(HttpSession session) {
    Instant created = Instant.ofEpochMilli(session.getCreationTime());
    return created.plus(settings.absoluteTimeout()).isBefore(clock.instant());
  }
}

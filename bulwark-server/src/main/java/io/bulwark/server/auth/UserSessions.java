package io.bulwark.server.auth;

import io.bulwark.engine.api.NewSession;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SessionService;
import io.bulwark.engine.api.UserSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * This node's side of the web sessions registered in the database (A10, Z9). At sign-in ({@link
 * #atSignIn()}) a session is registered with the engine's {@link SessionService} (user, this node,
 * client address, user agent) and keeps the random handle it got; at every request {@link
 * #isActive} asks whether it was ended meanwhile, on any node; when it ends here (logout, timeout)
 * its row is forgotten. The handle, never the session ID, names a session on pages, in forms and
 * over the API: a session ID never leaves its cookie (A7). Thread-safe.
 */
public final class UserSessions implements HttpSessionListener {

  private static final Logger LOG = LoggerFactory.getLogger(UserSessions.class);
  private static final String HANDLE = UserSessions.class.getName() + ".handle";

  private final SessionService sessions;
  private final Duration lastUsedInterval;

  UserSessions(SessionService sessions, Duration lastUsedInterval) {
    this.sessions = sessions;
    this.lastUsedInterval = lastUsedInterval;
  }

  /** A session as its owner sees it. */
  public record SessionView(UserSession session, boolean current) {}

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    Optional<String> handle = handleOf(event.getSession());
    if (handle.isEmpty()) {
      return;
    }
    try {
      sessions.forget(handle.get());
    } catch (RuntimeException engineGone) {
      // At shutdown the engine may close first; the row is forgotten a day later (A10).
      LOG.debug("session row not forgotten: {}", engineGone.getClass().getSimpleName());
    }
  }

  /** Registers the new session with its owner, this node, client address and user agent. */
  SessionAuthenticationStrategy atSignIn() {
    return (authentication, request, response) -> {
      String handle =
          sessions.register(
              new NewSession(
                  authentication.getName(),
                  AuthEventLog.node(),
                  request.getRemoteAddr(),
                  request.getHeader("User-Agent")));
      request.getSession().setAttribute(HANDLE, handle);
    };
  }

  /**
   * Whether the request's session is still registered and not ended on any node; records its use at
   * most once per last-used interval. A session without a handle is not active.
   */
  boolean isActive(HttpServletRequest request) {
    Optional<String> handle = handleOf(request.getSession(false));
    return handle.isPresent() && sessions.isActive(handle.get(), lastUsedInterval);
  }

  /** The user's sessions on every node, newest first; {@code current} marks the request's own. */
  public List<SessionView> of(Principal user, HttpServletRequest request) {
    String own = handleOf(request.getSession(false)).orElse("");
    return sessions.sessionsOf(user, user.userId()).stream()
        .map(session -> new SessionView(session, session.handle().equals(own)))
        .toList();
  }

  /**
   * Ends the user's own sessions with these handles on every node, never the request's own; returns
   * how many ended.
   */
  int end(Principal user, List<String> handles, HttpServletRequest request) {
    return sessions.endOwnSessions(user, handles, handleOf(request.getSession(false)).orElse(null));
  }

  private static Optional<String> handleOf(HttpSession session) {
    try {
      return session == null
          ? Optional.empty()
          : Optional.ofNullable((String) session.getAttribute(HANDLE));
    } catch (IllegalStateException invalidated) {
      return Optional.empty();
    }
  }
}

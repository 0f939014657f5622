package io.bulwark.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * The web sessions of this node by user, so that users can see and end their own (A10, Z9).
 * Registered as a servlet listener, it holds every live session; at sign-in ({@link #atSignIn()}) a
 * session gets its owner, the client address and a random handle. The handle, not the session ID,
 * names a session on the page and in a form: a session ID never leaves its cookie (A7). Only this
 * node's sessions are known (they live in its memory). Thread-safe.
 */
public final class UserSessions implements HttpSessionListener {

  private static final String OWNER = UserSessions.class.getName() + ".owner";
  private static final String CLIENT = UserSessions.class.getName() + ".client";
  private static final String HANDLE = UserSessions.class.getName() + ".handle";

  private final Set<HttpSession> live = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();

  /** A session as its owner sees it. */
  public record SessionView(
      String handle, Instant created, Instant lastUsed, String client, boolean current) {}

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    live.add(event.getSession());
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    live.remove(event.getSession());
  }

  /** Marks the new session with its owner, client address and handle. */
  SessionAuthenticationStrategy atSignIn() {
    return (authentication, request, response) -> {
      HttpSession session = request.getSession();
      session.setAttribute(OWNER, authentication.getName());
      session.setAttribute(CLIENT, request.getRemoteAddr());
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      session.setAttribute(HANDLE, HexFormat.of().formatHex(bytes));
    };
  }

  /** The user's sessions on this node, newest first; {@code current} marks the request's own. */
  public List<SessionView> of(String userId, HttpServletRequest request) {
    String own = handleOf(request.getSession(false)).orElse("");
    List<SessionView> views = new ArrayList<>();
    for (HttpSession session : live) {
      try {
        if (userId.equals(session.getAttribute(OWNER))
            && session.getAttribute(HANDLE) instanceof String handle) {
          views.add(
              new SessionView(
                  handle,
                  Instant.ofEpochMilli(session.getCreationTime()),
                  Instant.ofEpochMilli(session.getLastAccessedTime()),
                  String.valueOf(session.getAttribute(CLIENT)),
                  handle.equals(own)));
        }
      } catch (IllegalStateException invalidated) {
        // Ended while we looked: not live any more.
      }
    }
    views.sort(Comparator.comparing(SessionView::created).reversed());
    return views;
  }

  /**
   * Ends the user's sessions on this node whose handle is in {@code handles}, never the request's
   * own; returns how many ended.
   */
  int end(String userId, Set<String> handles, HttpServletRequest request) {
    String own = handleOf(request.getSession(false)).orElse("");
    int ended = 0;
    for (HttpSession session : live) {
      try {
        if (userId.equals(session.getAttribute(OWNER))
            && session.getAttribute(HANDLE) instanceof String handle
            && !handle.equals(own)
            && handles.contains(handle)) {
          session.invalidate();
          ended++;
        }
      } catch (IllegalStateException invalidated) {
        // Already ended.
      }
    }
    return ended;
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

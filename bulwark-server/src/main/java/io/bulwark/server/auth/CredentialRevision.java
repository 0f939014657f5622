package io.bulwark.server.auth;

import io.bulwark.engine.api.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The revision of its user a web session has seen (A10), kept in the session. The first request of
 * a session after sign-in records it; a later request that finds another revision in the database
 * means the user's credentials or state changed since, somewhere, and the session must end.
 */
final class CredentialRevision {

  private static final String ATTRIBUTE = CredentialRevision.class.getName();

  private CredentialRevision() {}

  /**
   * Whether the user changed since this session recorded its revision; records it when the session
   * has none yet.
   */
  static boolean changedSince(HttpServletRequest request, User user) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    if (!(session.getAttribute(ATTRIBUTE) instanceof Long seen)) {
      session.setAttribute(ATTRIBUTE, user.revision());
      return false;
    }
    return seen != user.revision();
  }

  /** Records the user's current revision, after this session changed the user itself. */
  static void remember(HttpServletRequest request, User user) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(ATTRIBUTE, user.revision());
    }
  }
}

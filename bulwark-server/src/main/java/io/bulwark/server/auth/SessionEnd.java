package io.bulwark.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;

/** How the web filters end a session they refuse (A10): the same way everywhere. */
final class SessionEnd {

  private SessionEnd() {}

  /** Invalidates the session, forgets the authentication and sends the browser to the login. */
  static void invalidateAndRedirectToLogin(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    response.sendRedirect(request.getContextPath() + WebPaths.LOGIN + "?expired");
  }
}

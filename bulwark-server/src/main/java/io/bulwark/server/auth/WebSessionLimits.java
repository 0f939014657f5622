package io.bulwark.server.auth;

import java.util.List;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * How the web apps keep anonymous visitors from costing server memory (E8): the login form's CSRF
 * token lives in a cookie rather than a session, so {@code GET /app/login} creates none; a session
 * is created only when a sign-in succeeds, and never while the server holds {@link
 * SessionLimitSettings#maxTotal()} sessions.
 */
final class WebSessionLimits {

  /** The CSRF cookie; host-only, Secure and path {@code /} by its prefix. */
  static final String CSRF_COOKIE = "__Host-bulwark-csrf";

  private WebSessionLimits() {}

  /**
   * CSRF tokens in the {@value #CSRF_COOKIE} cookie (Secure, HttpOnly, SameSite=Strict, Path=/, no
   * Domain), checked against the form field as a double submit (W2). The form carries the token
   * masked per request (Spring Security's default, against BREACH); a new token is set at sign-in
   * and cleared at logout.
   */
  static CsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setCookiePath("/");
    tokens.setCookieCustomizer(cookie -> cookie.secure(true).httpOnly(true).sameSite("Strict"));
    return tokens;
  }

  /**
   * At sign-in: refuse when the server is full, then give the session a new ID (A10; a no-op today,
   * since there is no session before sign-in), then let {@code marker} register it ({@link
   * UserSessions}).
   */
  static SessionAuthenticationStrategy atSignIn(
      SessionCounter counter, int maxTotal, SessionAuthenticationStrategy marker) {
    return new CompositeSessionAuthenticationStrategy(
        List.of(
            new TotalSessionCapStrategy(counter, maxTotal),
            new ChangeSessionIdAuthenticationStrategy(),
            marker));
  }
}

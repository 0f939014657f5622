package io.bulwark.server.auth;

import java.util.EnumSet;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Fixes the servlet session and its cookie (W1, A10): cookie {@value #COOKIE_NAME}, Secure,
 * HttpOnly, SameSite=Strict, Path=/ and no Domain (the {@code __Host-} prefix makes browsers
 * enforce all of this), sessions tracked by cookie only (never in URLs), idle timeout from {@link
 * SessionSettings}. Runs after Spring Boot's own customizer so that {@code
 * server.servlet.session.*} properties cannot weaken it.
 */
@Component
public final class SessionCookieCustomizer
    implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

  /** The session cookie's name; host-only and Secure by its prefix. */
  public static final String COOKIE_NAME = "__Host-bulwark-session";

  private final SessionSettings settings;

  public SessionCookieCustomizer(SessionSettings settings) {
    this.settings = settings;
  }

  @Override
  public void customize(ConfigurableServletWebServerFactory factory) {
    Session session = factory.getSettings().getSession();
    session.setTimeout(settings.idleTimeout());
    session.setTrackingModes(EnumSet.of(Session.SessionTrackingMode.COOKIE));
    session.setPersistent(false);
    Cookie cookie = session.getCookie();
    cookie.setName(COOKIE_NAME);
    cookie.setSecure(true);
    cookie.setHttpOnly(true);
    cookie.setSameSite(Cookie.SameSite.STRICT);
    cookie.setPath("/");
    cookie.setDomain(null);
    cookie.setMaxAge(null);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

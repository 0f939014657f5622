package io.bulwark.server.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a token or revocation request whose client did not authenticate — no credentials, wrong
 * password, locked by the throttle (A5), all alike (A6) — with RFC 6749 section 5.2's {@code
 * invalid_client}: 401, {@code WWW-Authenticate: Basic}, a JSON error object.
 */
final class OAuthEntryPoint implements AuthenticationEntryPoint {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    OAuthErrors.write(response, OAuthErrors.INVALID_CLIENT, "Client authentication failed.");
  }
}

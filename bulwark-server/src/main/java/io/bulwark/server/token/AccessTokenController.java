package io.bulwark.server.token;

import io.bulwark.engine.api.AccessTokenService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IssuedAccessToken;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.SignedInUser;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint of the integration API (A9). {@code POST} with HTTP Basic issues a token for
 * the authenticated user (the Basic provider has already refused a user whose one-time password
 * must be changed, A2); a bearer token cannot be exchanged for another, so that a stolen token does
 * not extend itself. {@code DELETE} with the bearer token revokes that token at once. Answers are
 * never cached (RFC 6749 section 5.1).
 */
@RestController
final class AccessTokenController {

  /** The endpoint's path. */
  static final String PATH = "/engine-rest/identity/token";

  private final AccessTokenService tokens;
  private final ApiTokenSettings settings;
  private final AuthEventLog events;

  AccessTokenController(BulwarkEngine engine, ApiTokenSettings settings, AuthEventLog events) {
    this.tokens = engine.accessTokenService();
    this.settings = settings;
    this.events = events;
  }

  @PostMapping(PATH)
  void issue(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!(authentication instanceof UsernamePasswordAuthenticationToken)
        || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      events.tokenRefused(Refusal.ISSUE_WITHOUT_PASSWORD, authentication.getName(), request);
      ErrorResponder.respond(
          request,
          response,
          Problem.of(
              ProblemType.FORBIDDEN,
              "An access token is issued only against a user ID and password (HTTP Basic)."));
      return;
    }
    IssuedAccessToken issued =
        tokens.issue(new Principal(user.userId(), user.groups()), settings.tokenLifetime());
    byte[] body;
    try (Secret token = issued.token()) {
      body = TokenAnswer.json(token, settings.tokenLifetime()).getBytes(StandardCharsets.UTF_8);
    }
    events.tokenIssued(user.userId(), issued.expires(), request);
    noStore(response);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  @DeleteMapping(PATH)
  void revoke(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!(authentication instanceof BearerAuthentication bearer)) {
      ErrorResponder.respond(
          request,
          response,
          Problem.of(
              ProblemType.BAD_REQUEST,
              "Send the token to revoke in the header Authorization: Bearer."));
      return;
    }
    try (Secret token = BearerToken.of(request).orElseThrow()) {
      tokens.revoke(token);
    }
    events.tokenRevoked(bearer.getPrincipal().userId(), request);
    noStore(response);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
  }

  /** Why the endpoint refused a request that was authenticated; logged only. */
  enum Refusal {
    ISSUE_WITHOUT_PASSWORD
  }
}

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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint of the integration API (A9). {@code POST} with HTTP Basic issues a token for
 * the authenticated user (the Basic provider has already refused a user whose one-time password
 * must be changed, A2, and passed the login throttle, A5); a bearer token cannot be exchanged for
 * another, so that a stolen token does not extend itself. {@code DELETE} with the bearer token
 * revokes that token at once. Answers are never cached (RFC 6749 section 5.1). One user gets at
 * most {@code bulwark.api.token-issue-limit} tokens a minute (W14); beyond, 429 with {@code
 * Retry-After}.
 *
 * <p>A form post ({@code application/x-www-form-urlencoded}) is an OAuth 2.0 token request (RFC
 * 6749 section 4.4): {@code grant_type=client_credentials} with the user's ID and password as the
 * client's HTTP Basic credentials; errors are RFC 6749 section 5.2 objects ({@code
 * invalid_request}, {@code invalid_client}, {@code unsupported_grant_type}, {@code invalid_scope}).
 * A post without a form body keeps Bulwark's own answers (problem details).
 */
@RestController
final class AccessTokenController {

  /** The endpoint's path. */
  static final String PATH = "/engine-rest/identity/token";

  static final String CLIENT_CREDENTIALS = "client_credentials";

  private final AccessTokenService tokens;
  private final ApiTokenSettings settings;
  private final AuthEventLog events;
  private final TokenIssueLimiter limiter;

  AccessTokenController(
      BulwarkEngine engine,
      ApiTokenSettings settings,
      AuthEventLog events,
      TokenIssueSettings issueSettings) {
    this.tokens = engine.accessTokenService();
    this.settings = settings;
    this.events = events;
    this.limiter = new TokenIssueLimiter(issueSettings.tokenIssueLimit(), Clock.systemUTC());
  }

  @PostMapping(PATH)
  void issue(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean oauth = FormRequests.isForm(request);
    if (oauth && refusedAsOAuthRequest(request, response)) {
      return;
    }
    if (!(authentication instanceof UsernamePasswordAuthenticationToken)
        || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      events.tokenRefused(Refusal.ISSUE_WITHOUT_PASSWORD, authentication.getName(), request);
      if (oauth) {
        OAuthErrors.write(
            response,
            OAuthErrors.INVALID_CLIENT,
            "Authenticate with a user ID and password (HTTP Basic).");
        return;
      }
      ErrorResponder.respond(
          request,
          response,
          Problem.of(
              ProblemType.FORBIDDEN,
              "An access token is issued only against a user ID and password (HTTP Basic)."));
      return;
    }
    Optional<Duration> wait = limiter.tryIssue(user.userId());
    if (wait.isPresent()) {
      response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds() + 1)));
      ErrorResponder.respond(
          request,
          response,
          Problem.of(
              ProblemType.TOO_MANY_REQUESTS,
              "Too many access tokens for this user in the last minute; use the ones issued or"
                  + " try again later."));
      return;
    }
    // A9: bound to the address that asked for it unless binding is switched off.
    String boundClient = settings.allowInsecureUnboundTokens() ? null : request.getRemoteAddr();
    IssuedAccessToken issued =
        tokens.issue(
            new Principal(user.userId(), user.groups()), settings.tokenLifetime(), boundClient);
    byte[] body;
    try (Secret token = issued.token()) {
      body = TokenAnswer.json(token, settings.tokenLifetime());
    }
    events.tokenIssued(user.userId(), issued.expires(), request);
    OAuthErrors.noStore(response);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } finally {
      java.util.Arrays.fill(body, (byte) 0);
    }
  }

  /** Checks an OAuth token request's parameters; answers and returns true when they are wrong. */
  private static boolean refusedAsOAuthRequest(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (FormRequests.repeated(request, "grant_type", "scope", "client_id", "client_secret")) {
      OAuthErrors.write(
          response, OAuthErrors.INVALID_REQUEST, "A parameter was sent more than once.");
      return true;
    }
    if (request.getParameter("client_secret") != null) {
      OAuthErrors.write(
          response,
          OAuthErrors.INVALID_REQUEST,
          "Send the client credentials with HTTP Basic, not in the body.");
      return true;
    }
    String grantType = request.getParameter("grant_type");
    if (grantType == null) {
      OAuthErrors.write(response, OAuthErrors.INVALID_REQUEST, "grant_type is required.");
      return true;
    }
    if (!CLIENT_CREDENTIALS.equals(grantType)) {
      OAuthErrors.write(
          response,
          OAuthErrors.UNSUPPORTED_GRANT_TYPE,
          "Only grant_type=client_credentials is supported.");
      return true;
    }
    if (request.getParameter("scope") != null) {
      OAuthErrors.write(
          response,
          OAuthErrors.INVALID_SCOPE,
          "Tokens carry the user's own rights; scopes are not supported.");
      return true;
    }
    return false;
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
    OAuthErrors.noStore(response);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /** Why the endpoint refused a request that was authenticated; logged only. */
  enum Refusal {
    ISSUE_WITHOUT_PASSWORD,
    REVOKE_NOT_OWNER
  }
}

package io.bulwark.server.token;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token revocation per RFC 7009 (A9): {@code POST} a form with {@code token=…} (and optionally
 * {@code token_type_hint}, ignored: there is one kind of token), authenticated with HTTP Basic or a
 * bearer token. A token of the authenticated user is revoked at once; any other value — unknown,
 * expired, malformed, or another user's token — is left alone, and the answer is the same 200 with
 * an empty body either way (RFC 7009 section 2.2), so that revocation tells nobody whether a token
 * exists. A missing or repeated {@code token} is {@code invalid_request}.
 */
@RestController
final class TokenRevocationController {

  /** The endpoint's path. */
  static final String PATH = "/engine-rest/identity/revoke";

  private final AccessTokenService tokens;
  private final AuthEventLog events;

  TokenRevocationController(BulwarkEngine engine, AuthEventLog events) {
    this.tokens = engine.accessTokenService();
    this.events = events;
  }

  @PostMapping(PATH)
  void revoke(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] values = FormRequests.isForm(request) ? request.getParameterValues("token") : null;
    if (values == null || values.length != 1 || values[0].isEmpty()) {
      OAuthErrors.write(
          response, OAuthErrors.INVALID_REQUEST, "Send exactly one token parameter in a form.");
      return;
    }
    if (!(authentication.getPrincipal() instanceof SignedInUser caller)) {
      OAuthErrors.write(response, OAuthErrors.INVALID_CLIENT, "Authenticate with HTTP Basic.");
      return;
    }
    try (Secret token = Secret.of(values[0])) {
      AccessTokenCheck check = tokens.check(token, request.getRemoteAddr());
      if (check.userId().filter(caller.userId()::equals).isPresent()) {
        tokens.revoke(token);
        events.tokenRevoked(caller.userId(), request);
      } else if (check.userId().isPresent()) {
        events.tokenRefused(
            AccessTokenController.Refusal.REVOKE_NOT_OWNER, caller.userId(), request);
      }
    }
    OAuthErrors.noStore(response);
    response.setStatus(HttpServletResponse.SC_OK);
  }
}

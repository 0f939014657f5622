package io.bulwark.server.token;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenService;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.LocationRuleVersionSeen;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates integration API requests that carry {@code Authorization: Bearer <token>} (A9). The
 * token is checked against the engine on every request, with no cache, so a revoked token or a
 * token of a user deleted or disabled since is refused at once (A10), and so is a token bound to
 * another client address than the request's (A9), exactly like an unknown one. A refused token gets
 * 401, a problem (W5) and {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750); the
 * reason goes to the authentication log only (A6, A7). Requests without a Bearer header pass on
 * untouched to Basic authentication. The check reads the location rules' version for this request
 * too ({@link LocationRuleVersionSeen}, Z4). Stateless: the authentication lives for this request
 * only.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  static final String CHALLENGE = "Bearer error=\"invalid_token\"";

  private final AccessTokenService tokens;
  private final AuthEventLog events;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  BearerTokenFilter(AccessTokenService tokens, AuthEventLog events) {
    this.tokens = tokens;
    this.events = events;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!BearerToken.isPresent(request)) {
      chain.doFilter(request, response);
      return;
    }
    AccessTokenCheck check = check(BearerToken.of(request), request.getRemoteAddr());
    if (check.principal().isEmpty()) {
      events.tokenRefused(check.outcome(), check.userId().orElse(null), request);
      response.setHeader("WWW-Authenticate", CHALLENGE);
      ErrorResponder.respond(
          request,
          response,
          Problem.of(ProblemType.UNAUTHORIZED, "The access token is not valid."));
      return;
    }
    check.locationRuleVersion().ifPresent(v -> LocationRuleVersionSeen.record(request, v));
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new BearerAuthentication(check.principal().get()));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }

  private AccessTokenCheck check(Optional<Secret> token, String client) {
    if (token.isEmpty()) {
      return AccessTokenCheck.unknown();
    }
    try (Secret secret = token.get()) {
      return tokens.check(secret, client);
    }
  }
}

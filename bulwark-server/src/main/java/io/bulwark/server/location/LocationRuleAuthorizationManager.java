package io.bulwark.server.location;

import io.bulwark.engine.api.LocationDecision;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.Authorities;
import io.bulwark.server.auth.LocationRuleVersionSeen;
import io.bulwark.server.auth.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The location rules as the authorization manager of the web apps, integration API and internal
 * services chains (Z4), after authentication: the first rule that matches the request path and
 * applies to the caller decides, the implicit deny ends the list. A request without credentials
 * counts as {@code ?}; when it is denied, the chain's entry point answers (401 or the login page).
 * A signed-in user who is denied gets the chain's 403 (problem or the error page), and an A7 {@code
 * access_denied} event names the deciding rule. Thread-safe.
 */
final class LocationRuleAuthorizationManager
    implements AuthorizationManager<RequestAuthorizationContext> {

  private final LocationRuleCache rules;
  private final AuthEventLog events;

  LocationRuleAuthorizationManager(LocationRuleCache rules, AuthEventLog events) {
    this.rules = rules;
    this.events = events;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    HttpServletRequest request = context.getRequest();
    String path = pathOf(request);
    @Nullable Authentication caller = signedIn(authentication);
    if (caller == null) {
      LocationDecision decision = rules.current().decide(path, null, Set.of());
      if (!decision.allowed() && !hasAnonymousToken(authentication)) {
        // No Authentication at all (chains without an anonymous token): the entry point answers.
        throw new AuthenticationCredentialsNotFoundException("authentication required");
      }
      return new AuthorizationDecision(decision.allowed());
    }
    LocationDecision decision =
        rules
            .current(LocationRuleVersionSeen.of(request))
            .decide(path, caller.getName(), groupsOf(caller));
    if (!decision.allowed()) {
      events.locationDenied(caller.getName(), path, decision.rule(), request);
    }
    return new AuthorizationDecision(decision.allowed());
  }

  /** The authenticated, non-anonymous caller, or null. */
  private static @Nullable Authentication signedIn(Supplier<? extends Authentication> supplier) {
    try {
      Authentication authentication = supplier.get();
      return authentication == null
              || authentication instanceof AnonymousAuthenticationToken
              || !authentication.isAuthenticated()
          ? null
          : authentication;
    } catch (AuthenticationCredentialsNotFoundException none) {
      return null;
    }
  }

  private static boolean hasAnonymousToken(Supplier<? extends Authentication> supplier) {
    try {
      return supplier.get() instanceof AnonymousAuthenticationToken;
    } catch (AuthenticationCredentialsNotFoundException none) {
      return false;
    }
  }

  /** The groups of the signed-in user, from its principal or else from its authorities. */
  private static Set<String> groupsOf(Authentication caller) {
    if (caller.getPrincipal() instanceof SignedInUser user) {
      return user.groups();
    }
    return caller.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a != null && a.startsWith(Authorities.GROUP_PREFIX))
        .map(a -> a.substring(Authorities.GROUP_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The path without context path, as the request firewall normalized it (W6). */
  static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null || uri.isEmpty()) {
      return "/";
    }
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }
}

package io.bulwark.server.auth;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.AuthenticationResult;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog.Channel;
import io.bulwark.server.auth.AuthEventLog.Failure;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user ID and password with the engine's {@link IdentityService} (A3, A6) for the web
 * apps' form login and the API's Basic authentication.
 *
 * <p>Every refusal carries the same message, whatever the cause (A6); the cause goes to the {@link
 * AuthEventLog} only (A7). A user whose one-time password must be changed (A2) is authenticated
 * with {@link Authorities#pendingPasswordChange()} only: on the {@link Channel#WEB web} channel the
 * session may only change the password, and on the {@link Channel#API API} the one request let
 * through is {@code PUT /engine-rest/user/{own id}/credentials} (the REST package's gate).
 * Stateless: nothing is cached between calls (A10). Thread-safe.
 */
public final class IdentityAuthenticationProvider implements AuthenticationProvider {

  /** The one message of every refusal; clients cannot tell the causes apart (A6). */
  static final String REFUSED = "Bad credentials";

  private final IdentityService identity;
  private final AuthEventLog events;
  private final Channel channel;

  public IdentityAuthenticationProvider(
      IdentityService identity, AuthEventLog events, Channel channel) {
    this.identity = identity;
    this.events = events;
    this.channel = channel;
  }

  @Override
  public Authentication authenticate(Authentication request) throws AuthenticationException {
    String userId = request.getName();
    String client = clientOf(request);
    if (!(request.getCredentials() instanceof String password) || userId == null) {
      events.loginFailed(userId, Failure.UNKNOWN_USER, channel, client);
      throw new BadCredentialsException(REFUSED);
    }
    AuthenticationResult result = check(userId, password);
    AuthenticationOutcome outcome = result.outcome();
    return switch (outcome) {
      case SUCCESS -> {
        events.loginSucceeded(userId, channel, client);
        yield signedIn(request, result, Authorities.ofUser(groupsOf(result)));
      }
      case PASSWORD_CHANGE_REQUIRED -> {
        events.loginPending(userId, channel, client);
        yield signedIn(request, result, Authorities.pendingPasswordChange());
      }
      case DISABLED -> {
        events.loginFailed(userId, Failure.DISABLED, channel, client);
        throw new DisabledException(REFUSED);
      }
      case BAD_CREDENTIALS -> {
        // Looked up after the constant-time check and for the log only (A6, A7).
        events.loginFailed(userId, failureOf(userId), channel, client);
        throw new BadCredentialsException(REFUSED);
      }
    };
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private AuthenticationResult check(String userId, String password) {
    try (Secret secret = Secret.of(password)) {
      return identity.authenticate(userId, secret);
    } catch (ValidationException invalidId) {
      // An ID that breaks the ID pattern (Z7) cannot exist: the same answer as a wrong password.
      return AuthenticationResult.refused(AuthenticationOutcome.BAD_CREDENTIALS);
    }
  }

  private Failure failureOf(String userId) {
    try {
      return identity.findUser(userId).isPresent() ? Failure.WRONG_PASSWORD : Failure.UNKNOWN_USER;
    } catch (ValidationException invalidId) {
      return Failure.UNKNOWN_USER;
    }
  }

  private static Set<String> groupsOf(AuthenticationResult result) {
    return result.principal().map(Principal::groups).orElseThrow();
  }

  private static Authentication signedIn(
      Authentication request, AuthenticationResult result, List<GrantedAuthority> authorities) {
    Principal principal = result.principal().orElseThrow();
    UsernamePasswordAuthenticationToken token =
        UsernamePasswordAuthenticationToken.authenticated(
            new SignedInUser(principal.userId(), principal.groups()), null, authorities);
    token.setDetails(request.getDetails());
    return token;
  }

  private static String clientOf(Authentication request) {
    if (request.getDetails() instanceof WebAuthenticationDetails details) {
      return details.getRemoteAddress();
    }
    return "-";
  }
}

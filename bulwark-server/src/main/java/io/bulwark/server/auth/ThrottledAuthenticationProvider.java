package io.bulwark.server.auth;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.LoginAdmission;
import io.bulwark.engine.api.LoginAdmission.Verdict;
import io.bulwark.engine.api.LoginAttempt;
import io.bulwark.engine.api.LoginThrottleService;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the engine's login throttle (A5) in front of a password check: the web form and HTTP Basic
 * on the integration API (and so the token endpoint) ask it before the password is checked and tell
 * it when the password was right.
 *
 * <p>A refused attempt gets exactly the answer of a wrong password: the same exception and message
 * (A6), and the same time, because the password is still checked against the account (its result is
 * thrown away). The throttle's reason goes to the authentication log only (A7). Thread-safe.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginThrottleService throttle;
  private final IdentityService identity;
  private final AuthEventLog events;
  private final Channel channel;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwords,
      LoginThrottleService throttle,
      IdentityService identity,
      AuthEventLog events,
      Channel channel) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.identity = identity;
    this.events = events;
    this.channel = channel;
  }

  @Override
  public @Nullable Authentication authenticate(Authentication request)
      throws AuthenticationException {
    String userId = request.getName();
    if (userId == null || !(request.getDetails() instanceof WebAuthenticationDetails details)) {
      return passwords.authenticate(request);
    }
    LoginAttempt attempt = new LoginAttempt(userId, details.getRemoteAddress());
    LoginAdmission admission = throttle.admit(attempt);
    if (!admission.isAdmitted()) {
      spendTheTimeOfAPasswordCheck(userId, request.getCredentials());
      events.loginThrottled(userId, admission.verdict(), channel, details.getRemoteAddress());
      throw new BadCredentialsException(IdentityAuthenticationProvider.REFUSED);
    }
    Authentication result;
    try {
      result = passwords.authenticate(request);
    } catch (BadCredentialsException wrong) {
      if (admission.verdict() == Verdict.ADMITTED_LAST_BEFORE_LOCKOUT) {
        events.lockout(userId, channel, details.getRemoteAddress());
      }
      throw wrong;
    } catch (CredentialsExpiredException | DisabledException rightPassword) {
      // The password was right, the account may not work now: not a guess to count.
      throttle.succeeded(attempt);
      throw rightPassword;
    }
    throttle.succeeded(attempt);
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }

  /** Checks the password and ignores the outcome, so that a refusal takes as long as any (A6). */
  private void spendTheTimeOfAPasswordCheck(String userId, @Nullable Object credentials) {
    String password = credentials instanceof String given ? given : "";
    try (Secret secret = Secret.of(password)) {
      identity.authenticate(userId, secret);
    } catch (ValidationException ignored) {
      // An ID that breaks the ID pattern: refused either way.
    }
  }
}

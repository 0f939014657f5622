package io.bulwark.server.auth;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;

/**
 * Changes the signed-in user's password (A2, A11). On success the session ID is rotated and the
 * session gets the user's full authorities, so a one-time password session becomes a normal one;
 * both outcomes are logged (A7).
 */
public final class PasswordChanger {

  private final IdentityService identity;
  private final AuthEventLog events;
  private final SessionAuthentication sessions;

  PasswordChanger(IdentityService identity, AuthEventLog events, SessionAuthentication sessions) {
    this.identity = identity;
    this.events = events;
    this.sessions = sessions;
  }

  /**
   * Changes the password of the user of {@code authentication}. Does not clear the secrets.
   *
   * @throws ValidationException the current password is wrong or the new one breaks the policy;
   *     lists every rule broken (A4)
   * @throws IllegalStateException the authentication is not a Bulwark sign-in
   */
  public void change(
      Authentication authentication,
      Secret currentPassword,
      Secret newPassword,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!(authentication.getPrincipal() instanceof SignedInUser user)) {
      throw new IllegalStateException("not signed in with a Bulwark account");
    }
    try {
      identity.changePassword(user.userId(), currentPassword, newPassword);
    } catch (ValidationException refused) {
      events.passwordChangeRefused(user.userId(), refused.rules(), request);
      throw refused;
    }
    events.passwordChanged(user.userId(), request);
    request.changeSessionId();
    identity
        .findUser(user.userId())
        .ifPresent(changed -> CredentialRevision.remember(request, changed));
    sessions.replace(user, Authorities.ofUser(user.groups()), request, response);
  }

  /** Whether the authentication may only change its password (A2). */
  public static boolean mustChange(Authentication authentication) {
    return Authorities.isPendingPasswordChange(authentication.getAuthorities());
  }
}

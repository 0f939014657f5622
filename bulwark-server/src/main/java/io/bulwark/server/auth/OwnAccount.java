package io.bulwark.server.auth;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.OwnProfileChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.UserSessions.SessionView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * What a signed-in user does with their own account on the profile page (Z9, A10): read and edit
 * the allowlisted profile attributes, list their sessions on every node, end others. The session
 * that edits keeps living (it takes the user's new revision); the user's other sessions and tokens
 * end at their next request, as after any change of the user (A10). Every change is logged (A7).
 */
public final class OwnAccount {

  private final IdentityService identity;
  private final AuthEventLog events;
  private final UserSessions sessions;

  OwnAccount(IdentityService identity, AuthEventLog events, UserSessions sessions) {
    this.identity = identity;
    this.events = events;
    this.sessions = sessions;
  }

  /** The signed-in user, read as themselves (READ on one's own profile needs no grant, Z9). */
  public User user(Authentication authentication) {
    Principal principal = principal(authentication);
    return identity.getUser(principal, principal.userId());
  }

  /**
   * Replaces the user's names; a new e-mail address needs the current password and changes only
   * when the link in the answer, mailed to it by the caller, is followed (Z9, A11).
   *
   * @param currentPassword null when the e-mail address stays
   * @throws ValidationException a value is invalid or the password is missing or wrong
   */
  public OwnProfileChange updateProfile(
      Authentication authentication,
      UserProfile profile,
      @Nullable Secret currentPassword,
      HttpServletRequest request) {
    Principal principal = principal(authentication);
    OwnProfileChange updated;
    try {
      updated = identity.updateOwnProfile(principal, profile, currentPassword);
    } catch (ValidationException refused) {
      events.profileChangeRefused(principal.userId(), refused.rules(), request);
      throw refused;
    }
    CredentialRevision.remember(request, updated.user());
    events.profileChanged(principal.userId(), request);
    if (updated.emailVerification().isPresent()) {
      events.emailChangeRequested(principal.userId(), request);
    }
    return updated;
  }

  /** The user's sessions on every node, newest first. */
  public List<SessionView> sessions(Authentication authentication, HttpServletRequest request) {
    return sessions.of(principal(authentication), request);
  }

  /** Ends some of the user's other sessions on every node; returns how many ended. */
  public int endSessions(
      Authentication authentication, List<String> handles, HttpServletRequest request) {
    Principal principal = principal(authentication);
    int ended = sessions.end(principal, handles, request);
    for (int i = 0; i < ended; i++) {
      events.sessionEnded(principal.userId(), "ended_by_user", request);
    }
    return ended;
  }

  /** Ends every other session of the user on every node; returns how many ended. */
  public int endOtherSessions(Authentication authentication, HttpServletRequest request) {
    List<String> others =
        sessions(authentication, request).stream()
            .filter(view -> !view.current())
            .map(view -> view.session().handle())
            .toList();
    return endSessions(authentication, others, request);
  }

  private static Principal principal(Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      throw new IllegalStateException("not signed in with a Bulwark account");
    }
    return new Principal(user.userId(), user.groups());
  }
}

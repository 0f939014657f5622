package io.bulwark.server.auth;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.UserSessions.SessionView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;

/**
 * What a signed-in user does with their own account on the profile page (Z9, A10): read and edit
 * the allowlisted profile attributes, list their sessions, end others. The session that edits keeps
 * living (it takes the user's new revision); the user's other sessions and tokens end at their next
 * request, as after any change of the user (A10). Every change is logged (A7).
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
   * Replaces the user's names and e-mail; the e-mail only with the current password.
   *
   * @param currentPassword null when the e-mail address stays
   * @throws ValidationException a value is invalid or the password is missing or wrong
   */
  public User updateProfile(
      Authentication authentication,
      UserProfile profile,
      Secret currentPassword,
      HttpServletRequest request) {
    Principal principal = principal(authentication);
    User updated;
    try {
      updated = identity.updateOwnProfile(principal, profile, currentPassword);
    } catch (ValidationException refused) {
      events.profileChangeRefused(principal.userId(), refused.rules(), request);
      throw refused;
    }
    CredentialRevision.remember(request, updated);
    events.profileChanged(principal.userId(), request);
    return updated;
  }

  /** The user's sessions on this node. */
  public List<SessionView> sessions(Authentication authentication, HttpServletRequest request) {
    return sessions.of(principal(authentication).userId(), request);
  }

  /** Ends some of the user's other sessions; returns how many ended. */
  public int endSessions(
      Authentication authentication, Set<String> handles, HttpServletRequest request) {
    String userId = principal(authentication).userId();
    int ended = sessions.end(userId, handles, request);
    for (int i = 0; i < ended; i++) {
      events.sessionEnded(userId, "ended_by_user", request);
    }
    return ended;
  }

  /** Ends every other session of the user on this node; returns how many ended. */
  public int endOtherSessions(Authentication authentication, HttpServletRequest request) {
    Set<String> others =
        sessions(authentication, request).stream()
            .filter(view -> !view.current())
            .map(SessionView::handle)
            .collect(Collectors.toSet());
    return endSessions(authentication, others, request);
  }

  private static Principal principal(Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      throw new IllegalStateException("not signed in with a Bulwark account");
    }
    return new Principal(user.userId(), user.groups());
  }
}

package io.bulwark.server.auth;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.User;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks the signed-in user against the identity service on every web request (A10), so that no
 * cached authentication outlives a change: a deleted or disabled user's session is invalidated and
 * the browser sent to the login page; so is a session still waiting for a password change that was
 * made elsewhere. A user an administrator flagged for a password change is held at the password
 * page from the next request on.
 *
 * <p>A session also ends when its user's row changed since the session first saw it (the user's
 * revision, which every change of the user's credentials or state increments, A10): a password
 * changed in another session, over the API or by an administrator, on this node or another. The
 * session that changed the password itself takes the new revision ({@link PasswordChanger}).
 * Sessions live in the memory of the node that created them, so this check, like every other here,
 * reads the database on every request and holds no cache. Last, the session's registration is read
 * by its handle ({@link UserSessions}, one primary-key read): a session its user or an
 * administrator ended, on any node, ends here at its next request.
 */
final class CurrentUserFilter extends OncePerRequestFilter {

  private final IdentityService identity;
  private final AuthEventLog events;
  private final SessionAuthentication sessions;
  private final UserSessions registered;

  CurrentUserFilter(
      IdentityService identity,
      AuthEventLog events,
      SessionAuthentication sessions,
      UserSessions registered) {
    this.identity = identity;
    this.events = events;
    this.sessions = sessions;
    this.registered = registered;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
      Optional<User> user = identity.findUser(signedIn.userId());
      Optional<String> endReason = endReason(user, authentication);
      if (endReason.isEmpty() && CredentialRevision.changedSince(request, user.orElseThrow())) {
        endReason = Optional.of("credentials_changed");
      }
      if (endReason.isEmpty() && !registered.isActive(request)) {
        endReason = Optional.of("ended_by_user_or_administrator");
      }
      if (endReason.isPresent()) {
        events.sessionEnded(signedIn.userId(), endReason.get(), request);
        SessionEnd.invalidateAndRedirectToLogin(request, response);
        return;
      }
      if (user.orElseThrow().mustChangePassword()
          && !Authorities.isPendingPasswordChange(authentication.getAuthorities())) {
        sessions.replace(signedIn, Authorities.pendingPasswordChange(), request, response);
      }
    }
    chain.doFilter(request, response);
  }

  private static Optional<String> endReason(Optional<User> user, Authentication authentication) {
    if (user.isEmpty()) {
      return Optional.of("user_deleted");
    }
    if (user.get().disabled()) {
      return Optional.of("user_disabled");
    }
    if (!user.get().mustChangePassword()
        && Authorities.isPendingPasswordChange(authentication.getAuthorities())) {
      return Optional.of("password_changed_elsewhere");
    }
    return Optional.empty();
  }
}

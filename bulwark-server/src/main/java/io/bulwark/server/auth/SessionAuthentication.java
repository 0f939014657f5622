package io.bulwark.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Replaces the authentication held in the web session, for example when a password change grants
 * the full authorities (A2). Uses the same session-backed repository as the web filter chain.
 */
final class SessionAuthentication {

  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  SecurityContextRepository repository() {
    return repository;
  }

  /** Stores a new authentication of the same user with other authorities, for this request on. */
  void replace(
      SignedInUser user,
      List<GrantedAuthority> authorities,
      HttpServletRequest request,
      HttpServletResponse response) {
    Authentication previous = holder.getContext().getAuthentication();
    UsernamePasswordAuthenticationToken next =
        UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    if (previous != null) {
      next.setDetails(previous.getDetails());
    }
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(next);
    holder.setContext(context);
    repository.saveContext(context, request, response);
  }
}

package io.bulwark.server.rest;

import io.bulwark.server.auth.Authorities;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds an API user whose one-time password must be changed (A2) to one request: {@code PUT
 * /engine-rest/user/{own id}/credentials}. Everything else, the token endpoint included, gets a 403
 * problem that says so.
 */
final class OneTimePasswordGate extends OncePerRequestFilter {

  static final String DETAIL =
      "The one-time password must be changed first: the only request allowed is"
          + " PUT /engine-rest/user/{your user ID}/credentials (A2).";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && Authorities.isPendingPasswordChange(authentication.getAuthorities())
        && !RestPaths.isAboutSelf(request, "PUT", authentication.getName(), "/credentials")) {
      ErrorResponder.respond(request, response, Problem.of(ProblemType.FORBIDDEN, DETAIL));
      return;
    }
    chain.doFilter(request, response);
  }
}

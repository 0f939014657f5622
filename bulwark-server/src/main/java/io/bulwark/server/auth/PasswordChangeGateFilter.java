package io.bulwark.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a user who must change the one-time password (A2) to the password page from every other web
 * app URL. Logout and the static assets stay reachable. The authorization rules deny the same URLs
 * as well; this filter only turns the denial into a helpful redirect.
 */
final class PasswordChangeGateFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && Authorities.isPendingPasswordChange(authentication.getAuthorities())
        && !isAllowedWhilePending(request)) {
      response.sendRedirect(request.getContextPath() + WebPaths.PASSWORD);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isAllowedWhilePending(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(WebPaths.PASSWORD)
        || path.equals(WebPaths.LOGOUT)
        || path.equals(WebPaths.DENIED)
        || path.startsWith("/app/assets/");
  }
}

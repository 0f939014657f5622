package io.bulwark.server.operator;

import io.bulwark.server.auth.AuthEventLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request of the admin channel (W7, A1): the header {@code Authorization:
 * Bulwark-Admin-Channel SECRET} with this start's secret makes the request the operator's; anything
 * else stays unauthenticated, is refused with 401 by the chain, and is logged (A7).
 */
final class AdminChannelFilter extends OncePerRequestFilter {

  static final String SCHEME = "Bulwark-Admin-Channel ";
  static final String AUTHORITY = "OPERATOR";

  private final AdminChannel channel;
  private final AuthEventLog events;

  AdminChannelFilter(AdminChannel channel, AuthEventLog events) {
    this.channel = channel;
    this.events = events;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String presented =
        header != null && header.startsWith(SCHEME) ? header.substring(SCHEME.length()) : null;
    if (channel.accepts(presented)) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          new PreAuthenticatedAuthenticationToken(
              "app:" + OperatorActions.OPERATOR_NAME,
              null,
              List.of(new SimpleGrantedAuthority(AUTHORITY))));
      SecurityContextHolder.setContext(context);
    } else {
      events.adminChannelRefused(presented == null ? "no_secret" : "wrong_secret", request);
    }
    chain.doFilter(request, response);
  }
}

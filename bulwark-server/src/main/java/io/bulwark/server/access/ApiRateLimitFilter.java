package io.bulwark.server.access;

import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the integration API (W14): per endpoint group, one budget per client address for
 * every request and one per principal for authenticated ones; beyond either, 429 with {@code
 * Retry-After} and a problem body. Joins the API chain after authentication as the first {@link
 * IntegrationApiGuard}. The resumption of a long poll (an async dispatch) is not counted again.
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

  static final String DETAIL =
      "Too many requests to this part of the API; slow down and try again after Retry-After (W14).";
  private static final Pattern GROUP = Pattern.compile("[A-Za-z-]{1,40}");

  private final RateLimiter principals;
  private final RateLimiter addresses;

  ApiRateLimitFilter(RateLimiter principals, RateLimiter addresses) {
    this.principals = principals;
    this.addresses = addresses;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String group = groupOf(request);
    Optional<Duration> wait =
        addresses.tryAcquire(group + " " + addressKey(request.getRemoteAddr()));
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (wait.isEmpty() && authentication != null && authentication.isAuthenticated()) {
      wait = principals.tryAcquire(group + " " + authentication.getName());
    }
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader("Retry-After", String.valueOf(seconds));
      ErrorResponder.respond(request, response, Problem.of(ProblemType.TOO_MANY_REQUESTS, DETAIL));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The first path segment below {@code /engine-rest}; anything unusual shares one group. */
  static String groupOf(HttpServletRequest request) {
    String path = request.getRequestURI();
    String prefix = ServiceGroup.INTEGRATION_API.prefix() + "/";
    if (path == null || !path.startsWith(prefix)) {
      return "-";
    }
    String rest = path.substring(prefix.length());
    int slash = rest.indexOf('/');
    String first = slash < 0 ? rest : rest.substring(0, slash);
    return GROUP.matcher(first).matches() ? first : "-";
  }

  /** The client address; an IPv6 address counts as its /64, as the login throttle counts it. */
  static String addressKey(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
      return String.valueOf(remoteAddress);
    }
    try {
      byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
      if (bytes.length != 16) {
        return remoteAddress;
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        prefix.append(String.format(java.util.Locale.ROOT, "%02x", bytes[i]));
      }
      return prefix.append("::/64").toString();
    } catch (UnknownHostException literalOnly) {
      return remoteAddress;
    }
  }
}

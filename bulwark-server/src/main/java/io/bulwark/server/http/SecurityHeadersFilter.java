package io.bulwark.server.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers of {@link SecurityHeaders} on every response (W3, T5) before anything
 * else answers, so the firewall's rejections, 401s, 404s and error pages carry them too. It runs
 * for error dispatches as well, in case a component reset the headers. Spring Security's own header
 * writer is disabled on every chain to avoid duplicates. Static assets under {@code /app/assets/}
 * are the only answers that may be cached.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    apply(request, response);
    chain.doFilter(request, response);
  }

  /** Writes the headers; idempotent. */
  static void apply(HttpServletRequest request, HttpServletResponse response) {
    for (Map.Entry<String, String> header : SecurityHeaders.ALWAYS.entrySet()) {
      response.setHeader(header.getKey(), header.getValue());
    }
    String path = ErrorResponder.pathOf(request);
    boolean asset =
        path.startsWith(SecurityHeaders.ASSETS_PREFIX)
            && request.getDispatcherType() == DispatcherType.REQUEST;
    if (!asset) {
      response.setHeader("Cache-Control", SecurityHeaders.NO_STORE);
      response.setHeader("Pragma", "no-cache");
    }
  }
}

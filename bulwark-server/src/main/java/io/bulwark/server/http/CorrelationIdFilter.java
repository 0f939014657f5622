package io.bulwark.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a random correlation ID (W5): in the log context ({@code correlationId} in
 * the MDC), in the {@value #HEADER} response header and in every error answer, so that an answer
 * can be found in the server log. An ID sent by the client is ignored: it could forge log entries.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter {

  /** The response header that carries the ID. */
  public static final String HEADER = "X-Correlation-Id";

  /** The MDC key. */
  public static final String MDC_KEY = "correlationId";

  private static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

  /** The correlation ID of the request; creates one if the filter has not run (never null). */
  public static String of(ServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof String existing) {
      return existing;
    }
    String created = UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, created);
    return created;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = of(request);
    String previous = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, id);
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      if (previous == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, previous);
      }
    }
  }
}

package io.bulwark.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
    String created = randomId();
    request.setAttribute(ATTRIBUTE, created);
    return created;
  }

  /**
   * One generator per request thread (issue 14): {@link UUID#randomUUID()} draws from one generator
   * for the whole JVM, whose lock request threads queued for under load (seconds in a profile of 32
   * concurrent clients). A DRBG of its own per thread, seeded by the JVM, needs no lock held across
   * threads.
   */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(CorrelationIdFilter::generator);

  /** A random (version 4) UUID in its usual text form, as {@link UUID#randomUUID()} makes it. */
  static String randomId() {
    byte[] bytes = new byte[16];
    RANDOM.get().nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // the RFC 9562 variant
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong()).toString();
  }

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("DRBG is part of every Java runtime", e);
    }
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

package io.bulwark.server.access;

import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated API request with 401, a problem (W5) and {@code WWW-Authenticate:
 * Basic realm="bulwark"} (A1), plus one header for each further scheme the chain accepts (bearer
 * tokens on the integration API, A9). The reason authentication failed is not told (A6). A request
 * that was not checked because the server is at a bound ({@link BusyAuthenticationException}, E8,
 * W14) gets 429 with {@code Retry-After} instead.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  /** The realm named in the challenge. */
  public static final String REALM = "bulwark";

  private final List<String> otherChallenges;

  /** Basic only. */
  public ProblemAuthenticationEntryPoint() {
    this(List.of());
  }

  /** Basic, then {@code otherChallenges} in order. */
  public ProblemAuthenticationEntryPoint(List<String> otherChallenges) {
    this.otherChallenges = List.copyOf(otherChallenges);
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof BusyAuthenticationException busy) {
      response.setHeader("Retry-After", busy.retryAfterHeader());
      ErrorResponder.respond(
          request,
          response,
          Problem.of(ProblemType.TOO_MANY_REQUESTS, "The server is busy; try again shortly."));
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    otherChallenges.forEach(challenge -> response.addHeader("WWW-Authenticate", challenge));
    ErrorResponder.respond(
        request,
        response,
        Problem.of(ProblemType.UNAUTHORIZED, "Authentication is required for this resource."));
  }
}

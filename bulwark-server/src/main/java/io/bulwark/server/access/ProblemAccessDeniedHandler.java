package io.bulwark.server.access;

import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a denied request with a problem (W5) of the given type: 403 on the API chains, 404 on the
 * catch-all chain, which does not reveal whether anything exists at the address.
 */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  private final ProblemType type;

  public ProblemAccessDeniedHandler(ProblemType type) {
    this.type = type;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    String detail =
        type == ProblemType.NOT_FOUND ? "No resource at this address." : "Access is denied.";
    ErrorResponder.respond(request, response, Problem.of(type, detail));
  }
}

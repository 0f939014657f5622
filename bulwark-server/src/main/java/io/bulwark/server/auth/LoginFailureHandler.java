package io.bulwark.server.auth;

import io.bulwark.server.access.BusyAuthenticationException;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What a failed sign-in gets on the login form: a redirect to {@code ?error} with one message for
 * every cause (A6), and no session (E8: sessions start at sign-in only, so a failed sign-in must
 * not create one to carry the error). A sign-in that was not checked because the server is at a
 * bound (E8, W14) gets a generic "try again" page with 429 and {@code Retry-After}.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof BusyAuthenticationException busy) {
      response.setHeader("Retry-After", busy.retryAfterHeader());
      ErrorResponder.respond(
          request,
          response,
          Problem.of(
              ProblemType.TOO_MANY_REQUESTS,
              "The server is busy signing in other users. Please try again in a few seconds."));
      return;
    }
    response.sendRedirect(request.getContextPath() + WebPaths.LOGIN + "?error");
  }
}

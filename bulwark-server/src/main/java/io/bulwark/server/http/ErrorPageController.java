package io.bulwark.server.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}, registered in place of Spring Boot's whitelabel
 * handling, which is excluded): turns every error the container sees, a {@code sendError} or an
 * exception that escaped, into our answer (W5). The exception is logged with the correlation ID;
 * the client sees only the status, a generic detail and the ID.
 */
@org.springframework.stereotype.Controller
public final class ErrorPageController
    implements org.springframework.boot.webmvc.error.ErrorController {

  /** The path of the error page. */
  public static final String PATH = "/error";

  private static final Logger LOG = LoggerFactory.getLogger(ErrorPageController.class);

  @RequestMapping(PATH)
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ProblemType type = ProblemType.forStatus(status);
    if (failure instanceof Throwable t) {
      if (t instanceof RequestTooLargeException
          || t.getCause() instanceof RequestTooLargeException) {
        type = ProblemType.REQUEST_TOO_LARGE;
      } else {
        LOG.error("Request failed with an unhandled exception (W5)", t);
        type = ProblemType.INTERNAL_ERROR;
      }
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? stripContext(s, request.getContextPath()) : "/";
    ErrorResponder.respond(
        request, response, Problem.of(type, detailFor(type)), AnswerFormat.forPath(path));
  }

  private static String stripContext(String uri, String context) {
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }

  static String detailFor(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "No resource at this address.";
      case METHOD_NOT_ALLOWED -> "This resource does not support the request method.";
      case UNAUTHORIZED -> "Authentication is required.";
      case FORBIDDEN -> "Access is denied.";
      case INTERNAL_ERROR -> "The server could not complete the request.";
      case REQUEST_TOO_LARGE -> "The request is too large.";
      case REQUEST_TIMEOUT -> "The request did not arrive in time.";
      case NOT_IMPLEMENTED -> "The server does not support a feature the request needs.";
      case HTTP_VERSION_NOT_SUPPORTED -> "The HTTP version of the request is not supported.";
      default -> "The request could not be processed.";
    };
  }
}

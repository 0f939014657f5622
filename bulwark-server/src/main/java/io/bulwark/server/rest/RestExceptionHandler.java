package io.bulwark.server.rest;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.ModelRejectedException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import io.bulwark.server.http.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The one place where the REST controllers' errors become problem answers (W5): the engine's
 * exceptions by their type (validation 400, forbidden 403, not found 404, conflict 409) with the
 * engine's message, which names the field and rule and never a secret; unreadable bodies and
 * parameters of the wrong type 400 naming the parameter. Anything else goes on to the error page,
 * which logs it and answers 500 without detail.
 */
@RestControllerAdvice(annotations = RestController.class)
final class RestExceptionHandler {

  private final AuthEventLog events;

  RestExceptionHandler(AuthEventLog events) {
    this.events = events;
  }

  @ExceptionHandler(ValidationException.class)
  void invalid(ValidationException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    respond(request, response, ProblemType.BAD_REQUEST, e.getMessage());
  }

  /** A refused model (Z10): the message names resource, element and line of every problem. */
  @ExceptionHandler(ModelRejectedException.class)
  void modelRejected(
      ModelRejectedException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    respond(request, response, ProblemType.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  void forbidden(ForbiddenException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (e instanceof AuthorizationDeniedException denied) {
      events.accessDenied(denied, request);
    }
    respond(request, response, ProblemType.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  void notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    respond(request, response, ProblemType.NOT_FOUND, e.getMessage());
  }

  /** A conflict the database found (a concurrent change) is described without its SQL cause. */
  @ExceptionHandler(ConflictException.class)
  void conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String detail =
        e.getCause() instanceof SQLException
            ? "The change conflicts with another change made at the same time; try again."
            : e.getMessage();
    respond(request, response, ProblemType.CONFLICT, detail);
  }

  @ExceptionHandler(BindException.class)
  void badParameter(BindException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    FieldError field = e.getFieldError();
    String name = field == null ? "a parameter" : field.getField();
    respond(
        request, response, ProblemType.BAD_REQUEST, "invalid " + name + "; it has the wrong type");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  void badArgument(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    respond(
        request,
        response,
        ProblemType.BAD_REQUEST,
        "invalid " + e.getName() + "; it has the wrong type");
  }

  /** A bound was reached (W14, E8): 429 with Retry-After. */
  @ExceptionHandler(TooManyRequestsException.class)
  void tooMany(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", e.retryAfterHeader());
    respond(request, response, ProblemType.TOO_MANY_REQUESTS, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  void unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String detail =
        isTooDeep(e)
            ? "The request body nests JSON deeper than "
                + RestConfiguration.MAX_BODY_DEPTH
                + " levels (W6)."
            : "The request body is not JSON of the shape this resource expects.";
    respond(request, response, ProblemType.BAD_REQUEST, detail);
  }

  private static boolean isTooDeep(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  private static void respond(
      HttpServletRequest request,
      HttpServletResponse response,
      ProblemType type,
      @Nullable String detail)
      throws IOException {
    ErrorResponder.respond(
        request, response, Problem.of(type, detail == null ? type.title() : detail));
  }
}

package io.bulwark.server.web;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.http.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The generic error page of the web apps (W5): what went wrong in one sentence and the correlation
 * ID, never a message, class name or stack trace. Something missing and something the user may not
 * see answer the same 404 page, so a URL does not tell whether another user's task exists (Z3).
 * Pages that can show a validation error next to a field catch it themselves; one that reaches this
 * handler is a 400 page.
 */
@ControllerAdvice(basePackages = "io.bulwark.server.web")
final class WebErrorAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(WebErrorAdvice.class);

  private final AuthEventLog events;

  WebErrorAdvice(AuthEventLog events) {
    this.events = events;
  }

  @ExceptionHandler({NotFoundException.class, ForbiddenException.class})
  ModelAndView notFound(
      RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
    if (e instanceof AuthorizationDeniedException denied) {
      events.accessDenied(denied, request);
    }
    return page(
        request,
        response,
        HttpStatus.NOT_FOUND,
        "Not found",
        "There is nothing here, or it is not yours to see. It may have been completed already.");
  }

  @ExceptionHandler(ConflictException.class)
  ModelAndView conflict(HttpServletRequest request, HttpServletResponse response) {
    return page(
        request,
        response,
        HttpStatus.CONFLICT,
        "Changed meanwhile",
        "Someone else changed this meanwhile, for example claimed or completed the task."
            + " Reload it and try again.");
  }

  @ExceptionHandler(ValidationException.class)
  ModelAndView invalid(HttpServletRequest request, HttpServletResponse response) {
    return page(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "Cannot do this",
        "The request could not be accepted as it was sent.");
  }

  @ExceptionHandler(Exception.class)
  ModelAndView failed(Exception failure, HttpServletRequest request, HttpServletResponse response) {
    if (failure instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      // Spring's own refusals of a malformed request (a missing parameter, a wrong method).
      HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
      return page(
          request,
          response,
          status,
          "Cannot do this",
          "The request could not be accepted as it was sent.");
    }
    LOG.error("Web page failed with an unhandled exception (W5)", failure);
    return page(
        request,
        response,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "The server could not complete the request.");
  }

  private static ModelAndView page(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String sentence) {
    ModelAndView page = new ModelAndView("app/error", status);
    page.addObject("title", title);
    page.addObject("sentence", sentence);
    page.addObject("correlationId", CorrelationIdFilter.of(request));
    response.setHeader(CorrelationIdFilter.HEADER, CorrelationIdFilter.of(request));
    return page;
  }
}

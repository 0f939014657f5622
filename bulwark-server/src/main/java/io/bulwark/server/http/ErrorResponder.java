package io.bulwark.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes error answers (W5): {@code application/problem+json} with type, title, status, detail,
 * instance and correlationId, plus Camunda 7's {@code message} (the detail) and {@code code}, or a
 * static HTML page that names only the status and the correlation ID. Used by the firewall, the
 * service group gate, the security chains and the error controller, so every error looks the same.
 * Stateless and thread-safe.
 */
public final class ErrorResponder {

  /**
   * Camunda 7's error code for errors without a more specific one; problems carry it as {@code
   * code}, beside {@code message} (= {@code detail}), so that Camunda clients keep working.
   */
  static final int CAMUNDA_FALLBACK_CODE = 0;

  private ErrorResponder() {}

  /** Answers with the problem in the format of the request path, unless already committed. */
  public static void respond(HttpServletRequest request, HttpServletResponse response, Problem p)
      throws IOException {
    respond(request, response, p, AnswerFormat.forPath(pathOf(request)));
  }

  /** Answers with the problem in the given format, unless the response is already committed. */
  public static void respond(
      HttpServletRequest request, HttpServletResponse response, Problem p, AnswerFormat format)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    String id = CorrelationIdFilter.of(request);
    response.resetBuffer();
    response.setStatus(p.type().status());
    response.setHeader(CorrelationIdFilter.HEADER, id);
    byte[] body =
        switch (format) {
          case HTML_PAGE -> html(p, id);
          case PROBLEM_JSON -> json(p, id);
        };
    response.setContentType(
        format == AnswerFormat.HTML_PAGE
            ? "text/html;charset=UTF-8"
            : "application/problem+json;charset=UTF-8");
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
    response.flushBuffer();
  }

  /** The request path without the context path, as sent (not decoded). */
  static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null) {
      return "/";
    }
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }

  static byte[] json(Problem p, String correlationId) {
    String text =
        "{\"type\":"
            + quote(p.type().type().toString())
            + ",\"title\":"
            + quote(p.type().title())
            + ",\"status\":"
            + p.type().status()
            + ",\"detail\":"
            + quote(p.detail())
            + ",\"message\":"
            + quote(p.detail())
            + ",\"code\":"
            + CAMUNDA_FALLBACK_CODE
            + ",\"instance\":"
            + quote("urn:uuid:" + correlationId)
            + ",\"correlationId\":"
            + quote(correlationId)
            + "}";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] html(Problem p, String correlationId) {
    String text =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Bulwark - "
            + escapeHtml(p.type().title())
            + "</title></head><body><main><h1>"
            + escapeHtml(p.type().title())
            + "</h1><p>The request could not be completed (status "
            + p.type().status()
            + ")."
            + (busy(p.type()) ? " The server is busy: please try again in a few seconds." : "")
            + "</p><p>If you report this, quote the correlation ID <code>"
            + escapeHtml(correlationId)
            + "</code>.</p><p><a href=\"/app/\">Back to the start page</a></p></main></body></html>\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Statuses after which the same request may succeed a little later (E8, W14). */
  private static boolean busy(ProblemType type) {
    return type == ProblemType.TOO_MANY_REQUESTS || type == ProblemType.SERVICE_UNAVAILABLE;
  }

  /** A JSON string literal; escapes quotes, backslashes and every control character. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  static String escapeHtml(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}

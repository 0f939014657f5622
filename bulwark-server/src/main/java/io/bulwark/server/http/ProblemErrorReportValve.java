package io.bulwark.server.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's last-resort error answer, replacing its HTML report (W4, W5): requests Tomcat refuses
 * before any filter runs (an invalid or undecodable URI, an oversized header block) and errors that
 * escape even the error page get the same problem answer or generic page as everything else, with
 * the security headers (W3) and a correlation ID; never a server name, version or stack trace.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorReportValve.class);

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable failure) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String id = CorrelationIdFilter.of(request);
    // A 4xx with a failure is a request Tomcat could not parse: the client's fault, not ours.
    ProblemType type = ProblemType.forStatus(status);
    if (failure != null && status >= 500) {
      LOG.error("Request failed outside the application, correlation ID {} (W5)", id, failure);
    } else if (failure != null) {
      LOG.info("Request refused by Tomcat, correlation ID {}: {}", id, status);
    }
    // Tomcat's own 501 and 505 keep their status; one without a type becomes 400 or 500 in the
    // status line as in the body, never one number in each.
    response.setStatus(type.status());
    String uri = request.getRequestURI();
    AnswerFormat format = AnswerFormat.forPath(uri == null ? "" : uri);
    Problem problem = Problem.of(type, ErrorPageController.detailFor(type));
    byte[] body =
        format == AnswerFormat.HTML_PAGE
            ? ErrorResponder.html(problem, id)
            : ErrorResponder.json(problem, id);
    try {
      SecurityHeaders.ALWAYS.forEach(response::setHeader);
      response.setHeader("Cache-Control", SecurityHeaders.NO_STORE);
      response.setHeader(CorrelationIdFilter.HEADER, id);
      response.setContentType(
          format == AnswerFormat.HTML_PAGE
              ? "text/html;charset=UTF-8"
              : "application/problem+json;charset=UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(new String(body, StandardCharsets.UTF_8));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      LOG.debug("Could not write the error answer, correlation ID {}", id, e);
    }
  }
}

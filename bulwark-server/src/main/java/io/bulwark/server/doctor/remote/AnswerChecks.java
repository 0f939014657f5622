package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a scanner provokes and a container tends to give on its own (issue 17): {@code OPTIONS *}
 * (W6), the status in the body of 501 and 505 answers (W5), and redirects built from the request's
 * {@code Host} header (W13).
 */
final class AnswerChecks {

  /**
   * A host name that cannot exist (RFC 6761), sent as {@code Host} to see whether it comes back.
   */
  static final String FOREIGN_HOST = "doctor-probe.invalid";

  private static final Pattern BODY_STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d{3})");

  private AnswerChecks() {}

  /** W6: {@code OPTIONS *} goes through the request path: security headers, no TRACE in Allow. */
  static Finding w6(ProbeConnector c) {
    HttpAnswer a = c.tls("OPTIONS *", head("OPTIONS * HTTP/1.1", c.target().authority()));
    String fix =
        "answer OPTIONS * through the request path (security headers, correlation ID) and never"
            + " advertise TRACE (W6)";
    if (a.status() < 0) {
      return Finding.warn("W6", "no answer to OPTIONS *", fix);
    }
    List<String> wrong = new ArrayList<>();
    if (a.header("Allow").contains("TRACE")) {
      wrong.add("Allow: " + a.header("Allow"));
    }
    if (!a.has("X-Content-Type-Options") || !a.has("Content-Security-Policy")) {
      wrong.add("no security headers");
    }
    if (!wrong.isEmpty()) {
      return Finding.fail("W6", a.label() + ": " + String.join(", ", wrong), fix);
    }
    return Finding.pass("W6", a.label() + " with security headers, TRACE not advertised");
  }

  /** W5: the status in a problem body equals the status line, also for 501 and 505. */
  static Finding w5(ProbeConnector c) {
    String authority = c.target().authority();
    List<HttpAnswer> answers =
        List.of(
            c.tls("GET over HTTP/1.2", head("GET /engine-rest/doctor-probe HTTP/1.2", authority)),
            c.tls(
                "POST with Transfer-Encoding gzip",
                head("POST /engine-rest/doctor-probe HTTP/1.1", authority)
                    .replace(
                        "\r\n\r\n",
                        "\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked"
                            + "\r\n\r\n0\r\n\r\n")));
    List<String> differ = new ArrayList<>();
    for (HttpAnswer a : answers) {
      Matcher m = BODY_STATUS.matcher(a.body());
      if (a.status() > 0 && m.find() && Integer.parseInt(m.group(1)) != a.status()) {
        differ.add(a.label() + " says \"status\":" + m.group(1) + " in its body");
      }
    }
    if (!differ.isEmpty()) {
      return Finding.fail(
          "W5",
          String.join("; ", differ),
          "give every problem answer the status of its status line (W5)");
    }
    return Finding.pass(
        "W5",
        "status line and problem body agree for "
            + String.join(", ", answers.stream().map(HttpAnswer::label).toList()));
  }

  /** W13: a redirect never carries the request's Host header. */
  static Finding w13(ProbeConnector c) {
    HttpAnswer a = c.tls("GET /app/ with a foreign Host", head("GET /app/ HTTP/1.1", FOREIGN_HOST));
    String location = a.header("Location");
    String fix =
        "build redirects as relative paths or from a configured public URL, never from the"
            + " request's Host header (W13)";
    if (location.contains(FOREIGN_HOST)) {
      return Finding.fail("W13", a.label() + ": Location " + location, fix);
    }
    if (location.isEmpty()) {
      return Finding.warn("W13", a.label() + ": no redirect to judge", fix);
    }
    return Finding.pass("W13", a.label() + ": Location " + location + " (Host not copied)");
  }

  private static String head(String requestLine, String host) {
    return requestLine
        + "\r\nHost: "
        + host
        + "\r\nUser-Agent: bulwark-doctor\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
  }
}

package io.bulwark.server.doctor.remote;

import java.nio.charset.StandardCharsets;

/** The canned HTTP answers of {@link ProbeTestServer}: what a hardened and a weak server send. */
final class TestAnswers {

  private static final String HARDENED_HEADERS =
      "Strict-Transport-Security: max-age=63072000; includeSubDomains\r\n"
          + "Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none';"
          + " frame-ancestors 'none'\r\n"
          + "X-Content-Type-Options: nosniff\r\n"
          + "X-Frame-Options: DENY\r\n"
          + "Referrer-Policy: no-referrer\r\n"
          + "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
          + "Cache-Control: no-store\r\n";

  private TestAnswers() {}

  static String hardened(String method, String path) {
    if (method.equals("POST") && path.equals("/app/login")) {
      return answer("403 Forbidden", HARDENED_HEADERS + "Content-Type: text/html\r\n", "denied");
    }
    if (path.equals("/app/login")) {
      return answer(
          "200 OK",
          HARDENED_HEADERS
              + "Set-Cookie: __Host-SESSION=abc; Path=/; Secure; HttpOnly; SameSite=Lax\r\n"
              + "Content-Type: text/html\r\n",
          "<html><body><form>login</form></body></html>");
    }
    if (path.startsWith("/app")) {
      return answer("302 Found", HARDENED_HEADERS + "Location: /app/login\r\n", "");
    }
    String problem = "Content-Type: application/problem+json\r\n";
    if (!java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
        .contains(method)) {
      return answer(
          "405 Method Not Allowed", HARDENED_HEADERS + problem, problem(405, "Not Allowed"));
    }
    if (path.contains("%zz")
        || path.contains("%25")
        || path.contains("%2F")
        || path.contains(";")) {
      return answer("400 Bad Request", HARDENED_HEADERS + problem, problem(400, "Bad Request"));
    }
    if (path.startsWith("/engine-rest")) {
      return answer("401 Unauthorized", HARDENED_HEADERS + problem, problem(401, "Unauthorized"));
    }
    if (path.startsWith("/internal")) {
      return answer("403 Forbidden", HARDENED_HEADERS + problem, problem(403, "Forbidden"));
    }
    return answer("404 Not Found", HARDENED_HEADERS + problem, problem(404, "Not Found"));
  }

  static String weak(String method, String path, String version, String head) {
    String leaky = "Server: Apache Tomcat/9.0.1\r\nX-Powered-By: Servlet/4.0\r\n";
    // Answers OPTIONS * itself, advertising TRACE, without security headers (W6 FAIL).
    if (method.equals("OPTIONS") && path.equals("*")) {
      return answer(
          "200 OK", leaky + "Allow: GET, HEAD, POST, PUT, DELETE, OPTIONS, TRACE\r\n", "");
    }
    // A 505 whose problem body says 500 (W5 FAIL).
    if (!version.equals("HTTP/1.1")) {
      return answer(
          "505 HTTP Version Not Supported",
          leaky + "Content-Type: application/problem+json\r\n",
          problem(500, "Internal error"));
    }
    // Builds the redirect to the login page from the Host header (W13 FAIL).
    if (path.equals("/app/") && head.contains("\r\nHost: " + AnswerChecks.FOREIGN_HOST + "\r\n")) {
      return answer(
          "302 Found",
          leaky + "Location: https://" + AnswerChecks.FOREIGN_HOST + "/app/login\r\n",
          "");
    }
    // Also answers a POST of the login form that carries no CSRF token (W2 FAIL).
    if (path.equals("/app/login") || path.equals("/")) {
      return answer(
          "200 OK",
          leaky + "Set-Cookie: JSESSIONID=abc; Path=/\r\nContent-Type: text/html\r\n",
          "<html><body>login</body></html>");
    }
    if (path.equals("/engine-rest/process-definition")
        || path.startsWith("/internal")
        || path.startsWith("/app")) {
      return answer("200 OK", leaky + "Content-Type: application/json\r\n", "[{\"id\":\"p1\"}]");
    }
    return answer(
        "500 Internal Server Error",
        leaky + "Content-Type: text/html\r\n",
        "<html><body>java.lang.IllegalStateException: boom\n"
            + "\tat org.example.Handler.handle(Handler.java:42)\n</body></html>");
  }

  private static String problem(int status, String title) {
    return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}";
  }

  private static String answer(String status, String headers, String body) {
    return "HTTP/1.1 "
        + status
        + "\r\n"
        + headers
        + "Content-Length: "
        + body.getBytes(StandardCharsets.ISO_8859_1).length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }
}

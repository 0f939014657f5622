package io.bulwark.server.http;

import java.nio.charset.StandardCharsets;

/**
 * Hostile request vectors (W6), each a raw HTTP/1.1 request and the status the server must answer.
 * The targets lie in the integration API, so that a request that slipped through would meet the
 * authentication there and answer 401, not the expected status. A negative status marks a request
 * that Tomcat's HTTP parser refuses itself.
 */
public enum HostileRequest {
  TRAVERSAL("GET", "/engine-rest/../internal/x", 400),
  ENCODED_TRAVERSAL("GET", "/engine-rest/%2e%2e/internal/x", 400),
  OVERLONG_UTF8_TRAVERSAL("GET", "/engine-rest/%c0%ae%c0%ae/internal/x", 400),
  DOT_SEGMENT("GET", "/engine-rest/./x", 400),
  ENCODED_SLASH("GET", "/engine-rest/a%2Fb", 400),
  ENCODED_BACKSLASH("GET", "/engine-rest/a%5Cb", 400),
  DOUBLE_ENCODING("GET", "/engine-rest/%252e%252e/x", 400),
  ENCODED_NUL("GET", "/engine-rest/a%00b", 400),
  ENCODED_CONTROL_CHARACTER("GET", "/engine-rest/a%0d%0aSet-Cookie:x", 400),
  RAW_CONTROL_CHARACTER("GET", "/engine-rest/a\u0001b", -400),
  BACKSLASH("GET", "/engine-rest\\..\\internal", -400),
  PATH_PARAMETER("GET", "/engine-rest/x;jsessionid=1", 400),
  EMPTY_SEGMENT("GET", "/engine-rest//x", 400),
  MALFORMED_ENCODING("GET", "/engine-rest/%zz", 400),
  TRACE_METHOD("TRACE", "/engine-rest/x", 405),
  EXTENSION_METHOD("PROPFIND", "/engine-rest/x", 405),
  OVERSIZED_HEADER("GET", "/engine-rest/x", -400, "X-Filler: " + "a".repeat(20_000)),
  OVERSIZED_BODY(
      "POST", "/engine-rest/x", 413, "Content-Type: application/json", "Content-Length: 20971520"),
  TOO_MANY_PARAMETERS("GET", "/engine-rest/x?" + "p=1&".repeat(1001), 400),
  BODY_NEITHER_JSON_NOR_FORM(
      "POST", "/engine-rest/x", 415, "Content-Type: application/xml", "Content-Length: 4"),
  TOO_MANY_FORM_PARAMETERS(
      "POST",
      "/engine-rest/x",
      400,
      "Content-Type: application/x-www-form-urlencoded",
      "Content-Length: " + formBody().length()),
  ;

  private final String method;
  private final String target;
  private final int status;
  private final String[] headers;

  HostileRequest(String method, String target, int status, String... headers) {
    this.method = method;
    this.target = target;
    this.status = status;
    this.headers = headers;
  }

  /** 1001 form parameters, one more than the default limit. */
  static String formBody() {
    return "p=1&".repeat(1000) + "p=1";
  }

  public String method() {
    return method;
  }

  public String target() {
    return target;
  }

  public String[] headers() {
    return headers.clone();
  }

  /** The status the server must answer. */
  public int status() {
    return Math.abs(status);
  }

  /**
   * Whether Tomcat's HTTP parser refuses the request before any filter or valve can add headers:
   * the answer is still a problem, but without the security headers (written as a negative status
   * in the table).
   */
  public boolean refusedByParser() {
    return status < 0;
  }

  /** The raw request bytes (ISO-8859-1, so every char is one byte as written). */
  public byte[] bytes(int port) {
    StringBuilder text =
        new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    text.append("Host: localhost:").append(port).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    text.append("Connection: close\r\n\r\n");
    if (this == BODY_NEITHER_JSON_NOR_FORM) {
      text.append("<x/>");
    }
    if (this == TOO_MANY_FORM_PARAMETERS) {
      text.append(formBody());
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}

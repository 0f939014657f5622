package io.bulwark.server.http;

import java.net.URI;

/**
 * The problem types the request path answers with (W5), each with a stable type URI under {@code
 * https://bulwark.io/problems/}, a short title and its HTTP status.
 */
public enum ProblemType {
  BAD_REQUEST("bad-request", "Bad request", 400),
  UNAUTHORIZED("unauthorized", "Authentication required", 401),
  FORBIDDEN("forbidden", "Forbidden", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  REQUEST_TIMEOUT("request-timeout", "Request timeout", 408),
  CONFLICT("conflict", "Conflict", 409),
  REQUEST_TOO_LARGE("request-too-large", "Request too large", 413),
  URI_TOO_LONG("uri-too-long", "URI too long", 414),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
  HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", 431),
  INTERNAL_ERROR("internal-error", "Internal error", 500),
  NOT_IMPLEMENTED("not-implemented", "Not implemented", 501),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
  HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", "HTTP version not supported", 505);

  private static final String BASE = "https://bulwark.io/problems/";

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public URI type() {
    return URI.create(BASE + slug);
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /**
   * The type for an HTTP status set elsewhere (a container error); an unknown 4xx becomes {@link
   * #BAD_REQUEST}, anything else {@link #INTERNAL_ERROR}. Whoever answers with the type also sends
   * its status, so that the status line and the body's {@code status} never differ (W5).
   */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status) {
        return type;
      }
    }
    return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
  }
}

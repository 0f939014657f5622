package io.bulwark.server.http;

/**
 * Thrown while reading a request body that grows beyond {@code bulwark.http.max-body-bytes} (W6);
 * the firewall turns it into a 413 problem answer. Unchecked so that body parsers do not wrap it as
 * a malformed-input error.
 */
public final class RequestTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RequestTooLargeException(long limit) {
    super("request body exceeds the limit of " + limit + " bytes");
  }
}

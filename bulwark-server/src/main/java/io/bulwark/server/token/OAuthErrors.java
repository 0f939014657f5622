package io.bulwark.server.token;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error answers of the OAuth 2.0 token and revocation endpoints (RFC 6749 section 5.2, RFC 7009
 * section 2.2.1): a JSON object with {@code error} and a fixed {@code error_description}, never
 * cached. The descriptions are constants: nothing from the request is echoed.
 */
final class OAuthErrors {

  /** The client (a Bulwark user with HTTP Basic) did not authenticate. */
  static final String INVALID_CLIENT = "invalid_client";

  /** A parameter is missing, repeated or not supported. */
  static final String INVALID_REQUEST = "invalid_request";

  /** A grant type other than {@code client_credentials}. */
  static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

  /** A scope was asked for; Bulwark tokens carry the user's own rights and no scopes. */
  static final String INVALID_SCOPE = "invalid_scope";

  private OAuthErrors() {}

  /** Writes the error with its status: 401 for {@code invalid_client}, else 400. */
  static void write(HttpServletResponse response, String error, String description)
      throws IOException {
    byte[] body =
        ("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    boolean client = INVALID_CLIENT.equals(error);
    response.setStatus(
        client ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_BAD_REQUEST);
    if (client) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"bulwark\", charset=\"UTF-8\"");
    }
    noStore(response);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** RFC 6749 section 5.1: token answers are not stored by any cache. */
  static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
  }
}

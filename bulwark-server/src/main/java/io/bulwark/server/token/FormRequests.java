package io.bulwark.server.token;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** What the OAuth endpoints need to know about a form post (RFC 6749 section 3.2). Stateless. */
final class FormRequests {

  private static final String FORM = "application/x-www-form-urlencoded";

  private FormRequests() {}

  /** Whether the body is a URL-encoded form. */
  static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM);
  }

  /** Whether any of the parameters was sent more than once (RFC 6749: invalid_request). */
  static boolean repeated(HttpServletRequest request, String... names) {
    for (String name : names) {
      String[] values = request.getParameterValues(name);
      if (values != null && values.length > 1) {
        return true;
      }
    }
    return false;
  }
}

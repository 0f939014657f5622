package io.bulwark.server.token;

import io.bulwark.engine.api.Secret;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer} header (RFC 6750). Stateless. */
final class BearerToken {

  private static final String SCHEME = "bearer";

  private BearerToken() {}

  /** Whether the request uses the Bearer scheme at all, with or without a token after it. */
  static boolean isPresent(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    return header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ';
  }

  /** The token after the scheme, or empty when there is no Bearer header or no token in it. */
  static Optional<Secret> of(HttpServletRequest request) {
    if (!isPresent(request)) {
      return Optional.empty();
    }
    String token = request.getHeader("Authorization").substring(SCHEME.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(Secret.of(token));
  }
}

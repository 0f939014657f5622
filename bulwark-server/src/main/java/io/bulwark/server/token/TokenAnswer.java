package io.bulwark.server.token;

import io.bulwark.engine.api.Secret;
import java.time.Duration;
import java.util.Arrays;

/**
 * The JSON of a token answer (RFC 6749 section 5.1): {@code access_token}, {@code token_type}
 * {@code Bearer} and {@code expires_in} seconds. Written directly because the token is 43 URL-safe
 * base64 characters that need no escaping, and so that it passes through no general serializer that
 * might log it.
 */
final class TokenAnswer {

  private TokenAnswer() {}

  static String json(Secret token, Duration lifetime) {
    char[] value = token.reveal();
    try {
      for (char c : value) {
        if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
          throw new IllegalStateException("an access token must be URL-safe base64");
        }
      }
      return "{\"access_token\":\""
          + new String(value)
          + "\",\"token_type\":\"Bearer\",\"expires_in\":"
          + lifetime.toSeconds()
          + "}";
    } finally {
      Arrays.fill(value, '\0');
    }
  }
}

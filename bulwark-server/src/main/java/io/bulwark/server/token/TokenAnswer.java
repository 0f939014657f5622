package io.bulwark.server.token;

import io.bulwark.engine.api.Secret;
import java.nio.charset.StandardCharsets;
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

  /**
   * The answer's bytes, built without a String copy of the token; the caller wipes them once they
   * are written.
   */
  static byte[] json(Secret token, Duration lifetime) {
    byte[] value = token.utf8();
    try {
      for (byte c : value) {
        if (!(Character.isLetterOrDigit(c) && c > 0) && c != '-' && c != '_') {
          throw new IllegalStateException("an access token must be URL-safe base64");
        }
      }
      byte[] before = "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII);
      byte[] after =
          ("\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime.toSeconds() + "}")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] body = new byte[before.length + value.length + after.length];
      System.arraycopy(before, 0, body, 0, before.length);
      System.arraycopy(value, 0, body, before.length, value.length);
      System.arraycopy(after, 0, body, before.length + value.length, after.length);
      return body;
    } finally {
      Arrays.fill(value, (byte) 0);
    }
  }
}

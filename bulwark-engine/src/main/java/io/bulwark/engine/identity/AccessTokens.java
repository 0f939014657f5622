package io.bulwark.engine.identity;

import io.bulwark.engine.api.Secret;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Makes and hashes access tokens (A9): 32 bytes (256 bits) from {@link SecureRandom}, written as 43
 * URL-safe base64 characters without padding; stored as the lower-case hex SHA-256 of those
 * characters. A plain hash suffices because the token has full entropy (no guessing to slow down).
 * Thread-safe.
 */
final class AccessTokens {

  static final int BYTES = 32;
  static final int LENGTH = 43;

  private final SecureRandom random = new SecureRandom();

  Secret next() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);
    char[] chars = new char[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      chars[i] = (char) encoded[i];
    }
    try {
      return Secret.of(chars);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      Arrays.fill(encoded, (byte) 0);
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * The stored form of a token, or empty when the value cannot be a token of ours (wrong length or
   * a character outside the URL-safe base64 alphabet), so that junk never reaches the database.
   */
  static Optional<String> hash(Secret token) {
    char[] chars = token.reveal();
    byte[] ascii = new byte[chars.length];
    try {
      if (chars.length != LENGTH) {
        return Optional.empty();
      }
      for (int i = 0; i < chars.length; i++) {
        if (!isUrlSafeBase64(chars[i])) {
          return Optional.empty();
        }
        ascii[i] = (byte) chars[i];
      }
      return Optional.of(HexFormat.of().formatHex(sha256().digest(ascii)));
    } finally {
      Arrays.fill(chars, '\0');
      Arrays.fill(ascii, (byte) 0);
    }
  }

  private static boolean isUrlSafeBase64(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}

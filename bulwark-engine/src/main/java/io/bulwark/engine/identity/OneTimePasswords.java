package io.bulwark.engine.identity;

import io.bulwark.engine.api.Secret;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Random one-time passwords for the first administrator (A2): 24 characters from a 56-character
 * alphabet without look-alikes (about 139 bits), drawn from {@link SecureRandom}.
 */
final class OneTimePasswords {

  static final int LENGTH = 24;

  private static final char[] ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

  private final SecureRandom random = new SecureRandom();

  Secret next() {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    try {
      return Secret.of(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}

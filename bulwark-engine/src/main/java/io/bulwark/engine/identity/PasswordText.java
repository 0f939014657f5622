package io.bulwark.engine.identity;

import io.bulwark.engine.api.Secret;
import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Unicode NFKC normalization of passwords (A4), before they are checked and hashed, so that the
 * same password typed on two keyboards (a full-width digit, a ligature, a composed or decomposed
 * accent) is one password. An already normalized password (any ASCII one) is not copied into a
 * String; otherwise the JDK's normalizer makes one, which cannot be wiped.
 */
final class PasswordText {

  private PasswordText() {}

  /** A new secret holding the NFKC form; the caller clears it. */
  static Secret nfkc(Secret password) {
    char[] chars = password.reveal();
    try {
      CharBuffer buffer = CharBuffer.wrap(chars);
      if (Normalizer.isNormalized(buffer, Normalizer.Form.NFKC)) {
        return Secret.of(chars);
      }
      return Secret.of(Normalizer.normalize(buffer, Normalizer.Form.NFKC));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** Lower case per character; the caller wipes the result. */
  static char[] lowerCase(char[] chars) {
    char[] lower = new char[chars.length];
    for (int i = 0; i < chars.length; i++) {
      lower[i] = Character.toLowerCase(chars[i]);
    }
    return lower;
  }

  /** Whether {@code text} contains {@code word} (both already in lower case). */
  static boolean contains(char[] text, String word) {
    if (word.isEmpty()) {
      return false;
    }
    for (int start = 0; start + word.length() <= text.length; start++) {
      if (matchesAt(text, start, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(char[] text, int start, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (text[start + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}

package io.bulwark.engine.identity;

import java.util.Arrays;

/**
 * Rules on the characters of a password alone (A4, NIST SP 800-63B 3.1.1.2): not only white space,
 * no invisible characters, no long run of one repeated character or of consecutive characters
 * ({@code aaaaaa}, {@code 345678}, {@code fedcba}, digits wrapping from 9 to 0), and not one short
 * block repeated ({@code abcabcabcabc}). Works on code points. Stateless.
 */
final class PasswordShape {

  /** The longest run of repeated or consecutive characters that is allowed. */
  static final int MAX_RUN = 5;

  /** A password made of one block of at most this many characters, repeated, is refused. */
  private static final int MAX_BLOCK = 4;

  private PasswordShape() {}

  /** True when every character is white space or invisible; false for an empty password. */
  static boolean whitespaceOnly(char[] chars) {
    if (chars.length == 0) {
      return false;
    }
    for (int i = 0; i < chars.length; ) {
      int cp = Character.codePointAt(chars, i);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !invisible(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** True when any character is a control, format, private-use, unassigned or blank letter. */
  static boolean hasInvisible(char[] chars) {
    for (int i = 0; i < chars.length; ) {
      int cp = Character.codePointAt(chars, i);
      if (invisible(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean invisible(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> {
        return true;
      }
      default -> {
        // Letters and marks that render as nothing: Hangul fillers, braille blank, grapheme joiner.
        return cp == 0x115F
            || cp == 0x1160
            || cp == 0x3164
            || cp == 0xFFA0
            || cp == 0x2800
            || cp == 0x034F;
      }
    }
  }

  /** True for a run longer than {@link #MAX_RUN} or one short block repeated throughout. */
  static boolean repeatedOrSequential(char[] lowerCase) {
    int[] cps = codePoints(lowerCase);
    try {
      return longestRun(cps) > MAX_RUN || repeatedBlock(cps);
    } finally {
      Arrays.fill(cps, 0);
    }
  }

  private static int[] codePoints(char[] chars) {
    int[] cps = new int[Character.codePointCount(chars, 0, chars.length)];
    for (int i = 0, n = 0; i < chars.length; n++) {
      cps[n] = Character.codePointAt(chars, i);
      i += Character.charCount(cps[n]);
    }
    return cps;
  }

  private static int longestRun(int[] cps) {
    int longest = Math.min(cps.length, 1);
    int same = 1;
    int up = 1;
    int down = 1;
    for (int i = 1; i < cps.length; i++) {
      same = cps[i] == cps[i - 1] ? same + 1 : 1;
      up = next(cps[i - 1]) == cps[i] ? up + 1 : 1;
      down = next(cps[i]) == cps[i - 1] ? down + 1 : 1;
      longest = Math.max(longest, Math.max(same, Math.max(up, down)));
    }
    return longest;
  }

  /** The character after {@code cp} in a sequence; digits wrap from 9 to 0. */
  private static int next(int cp) {
    return cp == '9' ? '0' : cp + 1;
  }

  private static boolean repeatedBlock(int[] cps) {
    for (int block = 1; block <= MAX_BLOCK && block * 3 <= cps.length; block++) {
      if (cps.length % block == 0 && periodic(cps, block)) {
        return true;
      }
    }
    return false;
  }

  private static boolean periodic(int[] cps, int block) {
    for (int i = block; i < cps.length; i++) {
      if (cps[i] != cps[i - block]) {
        return false;
      }
    }
    return true;
  }
}

package io.bulwark.engine.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A password or other secret held as characters that can be wiped. {@link #toString()} never shows
 * the value; {@link #equals} compares in constant time for equal lengths. Not thread-safe: one
 * owner reads it, then calls {@link #clear()}.
 */
public final class Secret implements AutoCloseable {

  private final char[] value;
  private boolean cleared;

  private Secret(char[] value) {
    this.value = value;
  }

  /** Copies the characters; the caller should wipe its own array. */
  public static Secret of(char[] value) {
    return new Secret(value.clone());
  }

  /** Copies the characters of a sequence (a String cannot be wiped; prefer {@link #of(char[])}). */
  public static Secret of(CharSequence value) {
    char[] copy = new char[value.length()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = value.charAt(i);
    }
    return new Secret(copy);
  }

  /** A copy of the characters; the caller wipes it after use. */
  public char[] reveal() {
    ensureNotCleared();
    return value.clone();
  }

  /**
   * A UTF-8 copy of the characters, for APIs that take bytes; the caller wipes it after use. The
   * encoder's own buffer and the intermediate characters are wiped here.
   */
  public byte[] utf8() {
    return utf8(reveal());
  }

  /** The number of characters. */
  public int length() {
    ensureNotCleared();
    return value.length;
  }

  /** Overwrites the characters; later reads throw {@link IllegalStateException}. */
  public void clear() {
    Arrays.fill(value, '\0');
    cleared = true;
  }

  /** Same as {@link #clear()}, for try-with-resources. */
  @Override
  public void close() {
    clear();
  }

  public boolean isCleared() {
    return cleared;
  }

  private void ensureNotCleared() {
    if (cleared) {
      throw new IllegalStateException("secret was cleared");
    }
  }

  /** Constant-time comparison of the UTF-8 bytes (MessageDigest.isEqual). */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Secret that)) {
      return false;
    }
    byte[] mine = utf8(reveal());
    byte[] theirs = utf8(that.reveal());
    try {
      return MessageDigest.isEqual(mine, theirs);
    } finally {
      Arrays.fill(mine, (byte) 0);
      Arrays.fill(theirs, (byte) 0);
    }
  }

  /** A constant: a hash would leak information about the value. */
  @Override
  public int hashCode() {
    return 0x5ec7e7;
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }

  // array() is used only to zero the whole backing array, so its offset does not matter.
  @SuppressWarnings("ByteBufferBackingArray")
  private static byte[] utf8(char[] chars) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    Arrays.fill(chars, '\0');
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }
}

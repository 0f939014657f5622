package io.bulwark.engine.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The shipped list of common and breached passwords (A4), see {@code common-passwords.txt.gz} and
 * the README beside it for its source and licence. Held as a sorted array of 64-bit fingerprints
 * (the first 8 bytes of SHA-256 over the UTF-8 of each NFKC-normalized, lower-case password): its
 * size does not depend on what is looked up, and a lookup is one SHA-256 and a binary search. A
 * false match needs a 64-bit collision (about 4e5 in 1.8e19 per lookup). Public only so that the
 * benchmark module can time a lookup; immutable and thread-safe.
 */
public final class CommonPasswordList {

  private static final String RESOURCE = "common-passwords.txt.gz";

  private final long[] fingerprints;

  private CommonPasswordList(long[] fingerprints) {
    this.fingerprints = fingerprints;
  }

  /** The shipped list, read from the engine's resources on first use (about a second). */
  public static CommonPasswordList shipped() {
    return Shipped.LIST;
  }

  private static final class Shipped {
    static final CommonPasswordList LIST = load();
  }

  /** The number of distinct passwords (ignoring case) on the list. */
  public int size() {
    return fingerprints.length;
  }

  /**
   * Whether the password is on the list; the caller passes it NFKC-normalized and in lower case
   * ({@link Character#toLowerCase(char)} per character). Does not keep the characters.
   */
  public boolean contains(char[] lowerCase, int from, int to) {
    return Arrays.binarySearch(fingerprints, fingerprint(lowerCase, from, to)) >= 0;
  }

  private static CommonPasswordList load() {
    try (InputStream raw = CommonPasswordList.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("resource " + RESOURCE + " missing from the engine");
      }
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
        long[] values = new long[1 << 19];
        int count = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String entry = Normalizer.normalize(line, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
          if (entry.isBlank()) {
            continue;
          }
          if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
          }
          char[] chars = entry.toCharArray();
          values[count++] = fingerprint(chars, 0, chars.length);
        }
        return new CommonPasswordList(distinctSorted(values, count));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static long[] distinctSorted(long[] values, int count) {
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  // array() is used only to zero the whole backing array, so its offset does not matter.
  @SuppressWarnings("ByteBufferBackingArray")
  private static long fingerprint(char[] chars, int from, int to) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars, from, to - from));
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(utf8.duplicate());
      return ByteBuffer.wrap(sha256.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    } finally {
      if (utf8.hasArray()) {
        Arrays.fill(utf8.array(), (byte) 0);
      }
    }
  }
}

package io.bulwark.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request-line rules of the firewall (W6), as pure functions on the raw (undecoded) method,
 * path and query string. Each rule answers the problem to send, or empty when the request passes.
 * Details name the rule broken, never the input.
 */
public final class FirewallRules {

  /** The methods the server accepts; TRACE, CONNECT and extension methods are refused (W6). */
  public static final Set<String> ALLOWED_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private FirewallRules() {}

  /** The method allowlist. */
  public static Optional<Problem> checkMethod(String method) {
    if (method == null || !ALLOWED_METHODS.contains(method)) {
      return reject(ProblemType.METHOD_NOT_ALLOWED, "The request method is not allowed.");
    }
    return Optional.empty();
  }

  /** URL normalization rules on the raw path: no traversal, no encoded separators and so on. */
  public static Optional<Problem> checkPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return bad("The request path must start with a slash.");
    }
    Optional<Problem> chars = checkRawCharacters(rawPath);
    if (chars.isPresent()) {
      return chars;
    }
    if (rawPath.indexOf(';') >= 0) {
      return bad("Path parameters (;) are not allowed.");
    }
    if (rawPath.contains("//")) {
      return bad("Empty path segments are not allowed.");
    }
    Optional<Problem> encodings = checkEncodings(rawPath, EncodingContext.PATH);
    if (encodings.isPresent()) {
      return encodings;
    }
    String decoded = decodeStrict(rawPath);
    if (decoded == null) {
      return bad("The request path is not valid UTF-8.");
    }
    if (hasControl(decoded)) {
      return bad("Control characters are not allowed.");
    }
    for (String segment : decoded.split("/", -1)) {
      if (".".equals(segment) || "..".equals(segment)) {
        return bad("Dot segments (. and ..) are not allowed in the path.");
      }
    }
    return Optional.empty();
  }

  /** Rules on the raw query string (may be null): characters, encodings, parameter count. */
  public static Optional<Problem> checkQuery(String rawQuery, int maxParameters) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Optional.empty();
    }
    Optional<Problem> chars = checkRawCharacters(rawQuery);
    if (chars.isPresent()) {
      return chars;
    }
    Optional<Problem> encodings = checkEncodings(rawQuery, EncodingContext.QUERY);
    if (encodings.isPresent()) {
      return encodings;
    }
    if (countParameters(rawQuery) > maxParameters) {
      return bad("Too many request parameters.");
    }
    return Optional.empty();
  }

  /** Number of non-empty {@code &}-separated parameters. */
  static int countParameters(String rawQuery) {
    int count = 0;
    int start = 0;
    while (start <= rawQuery.length()) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = rawQuery.length();
      }
      if (end > start) {
        count++;
      }
      start = end + 1;
    }
    return count;
  }

  private static Optional<Problem> checkRawCharacters(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return bad("Control characters are not allowed.");
      }
      if (c == '\\') {
        return bad("Backslashes are not allowed.");
      }
      if (c > 0x7e) {
        return bad("Unencoded non-ASCII characters are not allowed.");
      }
    }
    return Optional.empty();
  }

  private enum EncodingContext {
    PATH,
    QUERY
  }

  private static Optional<Problem> checkEncodings(String raw, EncodingContext context) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
        return bad("Malformed percent-encoding.");
      }
      int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
      if (value < 0x20 || value == 0x7f) {
        return bad("Encoded control characters are not allowed.");
      }
      if (value == '%'
          && i + 4 < raw.length()
          && isHex(raw.charAt(i + 3))
          && isHex(raw.charAt(i + 4))) {
        return bad("Double percent-encoding is not allowed.");
      }
      if (context == EncodingContext.PATH && (value == '/' || value == '\\')) {
        return bad("Encoded slashes and backslashes are not allowed in the path.");
      }
    }
    return Optional.empty();
  }

  /** Percent-decodes as strict UTF-8; null when the bytes are not valid UTF-8 (overlong etc.). */
  static @Nullable String decodeStrict(String raw) {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(bytes).toString();
    } catch (CharacterCodingException ignored) {
      // Invalid UTF-8, including overlong forms of '.' and '/': the caller rejects it.
      return null;
    }
  }

  private static boolean hasControl(String decoded) {
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (Character.isISOControl(c) || c == '\\' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static Optional<Problem> bad(String detail) {
    return reject(ProblemType.BAD_REQUEST, detail);
  }

  private static Optional<Problem> reject(ProblemType type, String detail) {
    return Optional.of(Problem.of(type, detail));
  }
}

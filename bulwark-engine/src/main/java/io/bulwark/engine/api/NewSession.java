package io.bulwark.engine.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A web session just signed in, as {@link SessionService#register} records it (A10). Values that
 * come from the client are made safe here, so that no caller can store them raw: control characters
 * (C0, DEL, C1, U+2028/9) are written as {@code \\uXXXX} and the user agent is cut to {@value
 * #MAX_USER_AGENT} characters; node and client address likewise, to their column sizes.
 *
 * @param userId the signed-in user
 * @param node the name of the node that holds the session
 * @param client the client's address as the node saw it
 * @param userAgent the {@code User-Agent} header, or null when there was none
 */
public record NewSession(String userId, String node, String client, String userAgent) {

  /** The most characters of a user agent that are kept. */
  public static final int MAX_USER_AGENT = 200;

  private static final int MAX_NODE = 100;
  private static final int MAX_CLIENT = 45;

  public NewSession {
    Objects.requireNonNull(userId, "userId");
    node = bounded(Objects.requireNonNull(node, "node"), MAX_NODE);
    client = bounded(Objects.requireNonNull(client, "client"), MAX_CLIENT);
    userAgent = bounded(userAgent == null ? "" : userAgent, MAX_USER_AGENT);
  }

  /**
   * {@code value} with control characters escaped, at most {@code max} characters long; when it had
   * to be cut, {@code ~} follows (so at most {@code max + 1}). An escape is never split.
   */
  static String bounded(String value, int max) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 1);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String piece =
          c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
              ? String.format(Locale.ROOT, "\\u%04x", (int) c)
              : String.valueOf(c);
      if (out.length() + piece.length() > max) {
        return out.append('~').toString();
      }
      out.append(piece);
    }
    return out.toString();
  }
}

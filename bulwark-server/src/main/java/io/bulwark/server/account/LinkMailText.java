package io.bulwark.server.account;

import io.bulwark.engine.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The plain text of a mail that carries a single-use link (A11): greeting, why it came, the link
 * built from the base URL with the token, and what happens if it is ignored. The text holds the
 * token, so it is handed only to the mail sender.
 */
final class LinkMailText {

  private LinkMailText() {}

  /**
   * @param displayName the name to greet, or null
   * @param reason why the mail came, one sentence ending with a period
   * @param action what the link does, completing "Open this link within N minutes to ..."
   * @param path the web path the link opens
   * @param ignore what happens when the mail is ignored
   */
  static String text(
      String displayName,
      String reason,
      String action,
      URI linkBaseUrl,
      String path,
      Secret token,
      Instant expires,
      Instant now,
      String ignore) {
    long minutes = Math.max(1, Duration.between(now, expires).toMinutes());
    return (displayName == null ? "Hello" : "Hello " + displayName)
        + ",\n\n"
        + reason
        + "\nOpen this link within "
        + minutes
        + " minutes to "
        + action
        + ":\n\n"
        + linkBaseUrl
        + path
        + "?token="
        + new String(token.reveal())
        + "\n\nThe link works once. "
        + ignore
        + "\n";
  }
}

package io.bulwark.server.account;

import io.bulwark.engine.api.PasswordRecoveryService.ResetMail;
import io.bulwark.server.auth.WebPaths;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** The text of a password recovery mail (A11): plain text, the link built from the base URL. */
final class RecoveryMails {

  static final String SUBJECT = "Reset your Bulwark password";

  private RecoveryMails() {}

  /** The mail's text; it holds the token, so it is handed only to the mail sender. */
  static String text(ResetMail mail, URI linkBaseUrl, Instant now) {
    long minutes = Math.max(1, Duration.between(now, mail.expires()).toMinutes());
    String greeting = mail.displayName() == null ? "Hello" : "Hello " + mail.displayName();
    return greeting
        + ",\n\nsomeone, hopefully you, asked to reset the password of the Bulwark account "
        + mail.userId()
        + ".\nOpen this link within "
        + minutes
        + " minutes to choose a new password:\n\n"
        + linkBaseUrl
        + WebPaths.RESET_PASSWORD
        + "?token="
        + new String(mail.token().reveal())
        + "\n\nThe link works once. If you did not ask for it, ignore this mail: your password"
        + " stays as it is.\n";
  }
}

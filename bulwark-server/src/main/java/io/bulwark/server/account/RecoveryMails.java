package io.bulwark.server.account;

import io.bulwark.engine.api.PasswordRecoveryService.ResetMail;
import io.bulwark.server.auth.WebPaths;
import java.net.URI;
import java.time.Instant;

/** The text of a password recovery mail (A11): plain text, the link built from the base URL. */
final class RecoveryMails {

  static final String SUBJECT = "Reset your Bulwark password";

  private RecoveryMails() {}

  /** The mail's text; it holds the token, so it is handed only to the mail sender. */
  static String text(ResetMail mail, URI linkBaseUrl, Instant now) {
    return LinkMailText.text(
        mail.displayName(),
        "someone, hopefully you, asked to reset the password of the Bulwark account "
            + mail.userId()
            + ".",
        "choose a new password",
        linkBaseUrl,
        WebPaths.RESET_PASSWORD,
        mail.token(),
        mail.expires(),
        now,
        "If you did not ask for it, ignore this mail: your password stays as it is.");
  }
}

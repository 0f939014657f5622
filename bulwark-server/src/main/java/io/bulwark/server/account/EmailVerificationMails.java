package io.bulwark.server.account;

import io.bulwark.engine.api.EmailVerification;
import io.bulwark.server.auth.WebPaths;
import java.net.URI;
import java.time.Instant;

/** The text of the mail that confirms a new e-mail address (Z9, A11): plain text, one link. */
final class EmailVerificationMails {

  static final String SUBJECT = "Confirm your new Bulwark e-mail address";

  private EmailVerificationMails() {}

  /** The mail's text; it holds the token, so it is handed only to the mail sender. */
  static String text(EmailVerification mail, URI linkBaseUrl, Instant now) {
    return LinkMailText.text(
        mail.displayName(),
        "the Bulwark account " + mail.userId() + " asked to use this e-mail address.",
        "confirm it",
        linkBaseUrl,
        WebPaths.VERIFY_EMAIL,
        mail.token(),
        mail.expires(),
        now,
        "Until it is opened, the account keeps its old address. If you did not ask for this,"
            + " ignore this mail.");
  }
}

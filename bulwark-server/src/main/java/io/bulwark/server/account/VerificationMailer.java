package io.bulwark.server.account;

import io.bulwark.engine.api.EmailVerification;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.engine.PasswordRecoveryProperties;
import io.bulwark.server.mail.SmtpMailer;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Mails the link that confirms a new e-mail address (Z9, A11) through the same mail server and link
 * base URL as password recovery, in the background; a failure is logged (A7), never the token.
 * Without a mail server or base URL an address cannot be confirmed, so it cannot change.
 */
@Component
final class VerificationMailer {

  private final Optional<SmtpMailer> mailer;
  private final PasswordRecoveryProperties settings;
  private final AuthEventLog events;
  private final Clock clock = Clock.systemUTC();

  VerificationMailer(
      ObjectProvider<SmtpMailer> mailer, PasswordRecoveryProperties settings, AuthEventLog events) {
    this.mailer = Optional.ofNullable(mailer.getIfAvailable());
    this.settings = settings;
    this.events = events;
  }

  /** Whether links can be mailed: a mail server and a base URL for the link. */
  boolean available() {
    return mailer.isPresent() && settings.linkBaseUrl() != null;
  }

  /** Sends the link to the new address and clears the token. */
  void send(EmailVerification verification) {
    try {
      String text =
          EmailVerificationMails.text(verification, settings.linkBaseUrl(), clock.instant());
      mailer
          .orElseThrow()
          .sendLater(
              verification.email(),
              EmailVerificationMails.SUBJECT,
              text,
              failure -> events.verificationMailFailed(verification.userId(), failure));
    } catch (IllegalArgumentException badAddress) {
      events.verificationMailFailed(verification.userId(), "invalid_address");
    } finally {
      verification.token().clear();
    }
  }
}

package io.bulwark.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.ldap.LdapSettings;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * T7 for SMTP against an in-process server speaking implicit TLS: a mail goes through when the
 * certificate is trusted and names the host; an untrusted certificate or a host name the
 * certificate does not name stops the mail before anything is sent.
 */
class SmtpMailerIT {

  private static TestSmtpServer smtp;

  @BeforeAll
  static void startServer() {
    smtp = TestSmtpServer.start();
  }

  @AfterAll
  static void stopServer() {
    smtp.close();
  }

  private static MailSettings settings(String host, Path trust) {
    return new MailSettings(
        host,
        smtp.port(),
        MailTransport.IMPLICIT_TLS,
        "bulwark@localhost",
        null,
        null,
        trust,
        Duration.ofSeconds(5),
        false);
  }

  private static String send(MailSettings settings, String to) throws Exception {
    CompletableFuture<String> failure = new CompletableFuture<>();
    try (SmtpMailer mailer =
        new SmtpMailer(settings, Map.<String, String>of()::get, Clock.systemUTC())) {
      mailer.sendLater(to, "Subject " + to, "Body for " + to, failure::complete);
    }
    return failure.getNow(null);
  }

  @Test
  void t7_sendsOverTlsWhenTheCertificateIsTrustedAndNamesTheHost() throws Exception {
    String failure =
        send(settings("localhost", TestSmtpServer.trustedCertificates()), "ada@example.org");

    assertThat(failure).isNull();
    List<MimeMessage> mails = smtp.awaitMails(1, 5_000);
    assertThat(mails)
        .anySatisfy(
            mail -> {
              assertThat(mail.getSubject()).isEqualTo("Subject ada@example.org");
              assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
              assertThat(mail.getFrom()[0].toString()).isEqualTo("bulwark@localhost");
              assertThat(mail.getContent().toString()).contains("Body for ada@example.org");
            });
  }

  @Test
  void t7_refusesACertificateOutsideTheTrustStore() throws Exception {
    String failure = send(settings("localhost", null), "untrusted@example.org");

    assertThat(failure).isNotNull();
    TimeUnit.MILLISECONDS.sleep(200);
    assertThat(smtp.mails()).noneMatch(mail -> recipient(mail).equals("untrusted@example.org"));
  }

  @Test
  void t7_refusesAHostNameTheCertificateDoesNotName() throws Exception {
    String failure =
        send(settings("127.0.0.1", TestSmtpServer.trustedCertificates()), "wrong-host@example.org");

    assertThat(failure).isNotNull();
    TimeUnit.MILLISECONDS.sleep(200);
    assertThat(smtp.mails()).noneMatch(mail -> recipient(mail).equals("wrong-host@example.org"));
  }

  @Test
  void t7_doctorFailsPlaintextMailAndPassesVerifiedTls() {
    MailSettings plaintext =
        new MailSettings(
            "localhost",
            25,
            MailTransport.STARTTLS,
            "bulwark@localhost",
            null,
            null,
            null,
            Duration.ofSeconds(5),
            true);
    assertThat(new T7OutboundTlsCheck(plaintext, LdapSettings.off()).run().status().name())
        .isEqualTo("FAIL");
    assertThat(
            new T7OutboundTlsCheck(
                    settings("localhost", TestSmtpServer.trustedCertificates()), LdapSettings.off())
                .run()
                .status()
                .name())
        .isEqualTo("PASS");
  }

  private static String recipient(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

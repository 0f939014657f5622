package io.bulwark.server.mail;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server that password recovery mails go through (A11, T7), bound from {@code
 * bulwark.mail.*}. Without a host no mail is sent and password recovery is off. TLS is required by
 * default (STARTTLS or implicit TLS), with the server's certificate checked against the JDK's trust
 * store or the certificates in {@code trustCertificates}, and its host name checked against the
 * certificate; only {@code allowInsecurePlaintext} sends without TLS (logged at every start and a
 * doctor FAIL). There is no setting to skip certificate or host-name verification.
 *
 * @param host the SMTP server's host name; none (default) turns mail and recovery off
 * @param port the port; default 587 for STARTTLS, 465 for implicit TLS
 * @param transport {@link MailTransport#STARTTLS} (default) or {@link MailTransport#IMPLICIT_TLS}
 * @param from the sender address, required with a host
 * @param username the SMTP login, or none to send without authentication
 * @param passwordFile a file readable by its owner only holding the SMTP password; else environment
 *     variable {@value #PASSWORD_ENV} (never a property, D3)
 * @param trustCertificates a PEM file of the certificates (CA or the server's own) to trust instead
 *     of the JDK's trust store
 * @param timeout connect, read and write timeout (default 10 s, at most 2 min)
 * @param allowInsecurePlaintext send without TLS (default false): a doctor FAIL
 */
@ConfigurationProperties("bulwark.mail")
public record MailSettings(
    String host,
    Integer port,
    @DefaultValue("STARTTLS") MailTransport transport,
    String from,
    String username,
    Path passwordFile,
    Path trustCertificates,
    @DefaultValue("PT10S") Duration timeout,
    @DefaultValue("false") boolean allowInsecurePlaintext) {

  /** The environment variable that holds the SMTP password when no file is set. */
  public static final String PASSWORD_ENV = "BULWARK_MAIL_PASSWORD";

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

  public MailSettings {
    host = host == null || host.isBlank() ? null : host.strip();
    if (port != null && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("invalid bulwark.mail.port " + port + "; must be 1-65535");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.mail.timeout " + timeout + "; must be positive and at most PT2M");
    }
    if (host != null && (from == null || from.isBlank())) {
      throw new IllegalArgumentException(
          "bulwark.mail.host is set but bulwark.mail.from is not; set the sender address (A11)");
    }
  }

  /** Whether a mail server is configured. */
  public boolean enabled() {
    return host != null;
  }

  /** The port in force. */
  public int effectivePort() {
    return port != null ? port : transport.defaultPort();
  }

  /** One line for the log and doctor: where mail goes and how it is protected; no secrets. */
  public String describe() {
    if (!enabled()) {
      return "no mail server (bulwark.mail.host not set)";
    }
    String protection =
        allowInsecurePlaintext
            ? "PLAINTEXT (allow-insecure-plaintext)"
            : transport
                + " with certificate and host-name verification"
                + (trustCertificates == null ? "" : " against " + trustCertificates);
    return host + ":" + effectivePort() + ", " + protection;
  }
}

package io.bulwark.server.mail;

import io.bulwark.engine.api.Secret;
import io.bulwark.server.engine.DatabasePassword;
import io.bulwark.server.tls.OutboundTrust;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plain-text mails through the configured SMTP server (A11) with Jakarta Mail, TLS required
 * and the certificate and host name verified (T7). Mails are sent by one background thread from a
 * bounded queue, so that a caller's answer does not wait for, or reveal, a mail (A6). Thread-safe;
 * {@link #close()} stops the thread after the queued mails.
 */
public final class SmtpMailer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
  private static final int QUEUE = 100;

  /** The SMTP password as an encrypted setting (D3). */
  public static final String PASSWORD_SETTING = "bulwark.mail.password";

  private final MailSettings settings;
  private final Session session;
  private final String protocol;
  private final InternetAddress from;
  private final Optional<Secret> password;
  private final Clock clock;
  private final ThreadPoolExecutor sender;

  /**
   * @param environment where {@link MailSettings#PASSWORD_ENV} is read when no password file is set
   * @throws IllegalArgumentException the settings have no host or an invalid sender address
   */
  public SmtpMailer(MailSettings settings, Function<String, String> environment, Clock clock) {
    this(settings, Optional.empty(), environment, clock);
  }

  /**
   * @param encryptedPassword the decrypted setting {@value #PASSWORD_SETTING} (D3), which wins over
   *     the password file and the environment
   */
  public SmtpMailer(
      MailSettings settings,
      Optional<Secret> encryptedPassword,
      Function<String, String> environment,
      Clock clock) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("no bulwark.mail.host: mail is off");
    }
    this.settings = settings;
    this.clock = clock;
    this.from = address("bulwark.mail.from", settings.from());
    this.protocol =
        settings.transport() == MailTransport.IMPLICIT_TLS && !settings.allowInsecurePlaintext()
            ? "smtps"
            : "smtp";
    this.session = Session.getInstance(properties(settings, protocol));
    this.password =
        encryptedPassword.isPresent() && settings.username() != null
            ? encryptedPassword
            : password(settings, environment);
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            runnable -> {
              Thread thread = new Thread(runnable, "bulwark-mail");
              thread.setDaemon(true);
              return thread;
            });
    if (settings.allowInsecurePlaintext()) {
      LOG.warn(
          "bulwark.mail.allow-insecure-plaintext=true: mails, reset links included, travel"
              + " unencrypted to {}; doctor reports FAIL (T7)",
          settings.host());
    } else {
      LOG.info("mail: {}", settings.describe());
    }
  }

  /** The session properties: TLS required and verified unless plaintext is explicitly allowed. */
  static Properties properties(MailSettings settings, String protocol) {
    String prefix = "mail." + protocol + ".";
    Properties props = new Properties();
    props.setProperty(prefix + "host", settings.host());
    props.setProperty(prefix + "port", Integer.toString(settings.effectivePort()));
    String millis = Long.toString(settings.timeout().toMillis());
    props.setProperty(prefix + "connectiontimeout", millis);
    props.setProperty(prefix + "timeout", millis);
    props.setProperty(prefix + "writetimeout", millis);
    props.setProperty(prefix + "auth", Boolean.toString(settings.username() != null));
    if (settings.allowInsecurePlaintext()) {
      props.setProperty(prefix + "starttls.enable", "false");
      return props;
    }
    if ("smtp".equals(protocol)) {
      props.setProperty(prefix + "starttls.enable", "true");
      props.setProperty(prefix + "starttls.required", "true");
    } else {
      props.setProperty(prefix + "ssl.enable", "true");
    }
    props.setProperty(prefix + "ssl.checkserveridentity", "true");
    props.setProperty(prefix + "ssl.protocols", String.join(" ", OutboundTrust.PROTOCOLS));
    props.put(
        prefix + "ssl.socketFactory",
        OutboundTrust.clientContext(settings.trustCertificates()).getSocketFactory());
    return props;
  }

  /**
   * Queues a mail; returns at once. {@code onFailure} runs on the mail thread when sending fails
   * (its message never holds the mail's text), or at once when the queue is full.
   *
   * @throws IllegalArgumentException the recipient is not a valid address
   */
  public void sendLater(String to, String subject, String text, Consumer<String> onFailure) {
    InternetAddress recipient = address("recipient", to);
    try {
      sender.execute(() -> sendNow(recipient, subject, text, onFailure));
    } catch (RejectedExecutionException full) {
      onFailure.accept("mail queue full or closed");
    }
  }

  private void sendNow(
      InternetAddress recipient, String subject, String text, Consumer<String> onFailure) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(from);
      message.setRecipient(Message.RecipientType.TO, recipient);
      message.setSubject(subject, "UTF-8");
      message.setText(text, "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      try (Transport transport = session.getTransport(protocol)) {
        if (password.isPresent()) {
          char[] chars = password.get().reveal();
          // Jakarta Mail takes the password only as a String.
          transport.connect(settings.username(), new String(chars));
          java.util.Arrays.fill(chars, '\0');
        } else {
          transport.connect();
        }
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException | RuntimeException e) {
      LOG.warn("mail to the SMTP server {} failed: {}", settings.host(), e.getClass().getName());
      onFailure.accept(e.getClass().getSimpleName());
    }
  }

  private static Optional<Secret> password(
      MailSettings settings, Function<String, String> environment) {
    if (settings.username() == null) {
      return Optional.empty();
    }
    if (settings.passwordFile() != null) {
      return Optional.of(
          DatabasePassword.readSecretFile(settings.passwordFile(), "SMTP password file"));
    }
    String fromEnv = environment.apply(MailSettings.PASSWORD_ENV);
    if (fromEnv == null) {
      throw new IllegalStateException(
          "bulwark.mail.username is set but there is no SMTP password: set"
              + " bulwark.mail.password-file to a file readable by its owner only, "
              + PASSWORD_SETTING
              + " to an encrypted value (./bulwark admin config encrypt), or environment variable "
              + MailSettings.PASSWORD_ENV
              + " (D3)");
    }
    return Optional.of(Secret.of(fromEnv));
  }

  private static InternetAddress address(String what, String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("invalid " + what + " e-mail address", e);
    }
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(settings.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
        sender.shutdownNow();
      }
    } catch (InterruptedException e) {
      sender.shutdownNow();
      Thread.currentThread().interrupt();
    }
    password.ifPresent(Secret::clear);
  }
}

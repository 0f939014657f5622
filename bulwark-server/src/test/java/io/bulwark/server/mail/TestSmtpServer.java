package io.bulwark.server.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-process SMTP server speaking implicit TLS (SMTPS) with the {@link TestTls} certificate for
 * {@code localhost} (GreenMail): the tests send real mail over real TLS and read what arrived.
 * GreenMail reads its key store from system properties once per JVM, so every test of the JVM gets
 * the same certificate ({@link #TLS}).
 */
public final class TestSmtpServer implements AutoCloseable {

  /** The TLS material of every test SMTP server of this JVM. */
  public static final TestTls TLS = createTls();

  private final GreenMail greenMail;
  private final int port;

  private TestSmtpServer(GreenMail greenMail, int port) {
    this.greenMail = greenMail;
    this.port = port;
  }

  /** Starts a server on a free loopback port. */
  public static TestSmtpServer start() {
    int port = freePort();
    GreenMail greenMail =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
    greenMail.start();
    return new TestSmtpServer(greenMail, port);
  }

  public int port() {
    return port;
  }

  /** Waits up to {@code millis} for {@code count} mails in total and returns every mail so far. */
  public List<MimeMessage> awaitMails(int count, long millis) {
    greenMail.waitForIncomingEmail(millis, count);
    return List.of(greenMail.getReceivedMessages());
  }

  public List<MimeMessage> mails() {
    return List.of(greenMail.getReceivedMessages());
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private static TestTls createTls() {
    try {
      TestTls tls = TestTls.create(Files.createTempDirectory("bulwark-smtp-tls-"));
      System.setProperty("greenmail.tls.keystore.file", tls.keyStore().toString());
      System.setProperty("greenmail.tls.keystore.password", tls.password());
      System.setProperty("greenmail.tls.key.password", tls.password());
      return tls;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The certificate file a client trusts to reach these servers. */
  public static Path trustedCertificates() {
    return TLS.caPem();
  }
}

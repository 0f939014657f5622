package io.bulwark.server.mail;

/** How the connection to the SMTP server is protected (T7). */
public enum MailTransport {
  /** Plain SMTP upgraded by STARTTLS, which the server must offer (default; port 587). */
  STARTTLS(587),
  /** TLS from the first byte, "SMTPS" (port 465). */
  IMPLICIT_TLS(465);

  private final int defaultPort;

  MailTransport(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  int defaultPort() {
    return defaultPort;
  }
}

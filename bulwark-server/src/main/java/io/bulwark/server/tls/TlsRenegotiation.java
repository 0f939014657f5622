package io.bulwark.server.tls;

/**
 * Refuses client-initiated TLS renegotiation (a denial-of-service lever on TLS 1.2; TLS 1.3 has
 * none). The JDK reads the system property once, when its server handshake classes load, so this
 * must run before the first TLS handshake of the process: the launcher's {@code main} and the
 * server application's start call it first thing.
 */
public final class TlsRenegotiation {

  /** The JDK system property this sets. */
  public static final String PROPERTY = "jdk.tls.rejectClientInitiatedRenegotiation";

  private TlsRenegotiation() {}

  /** Sets {@value #PROPERTY} to {@code true} for this JVM. */
  public static void rejectClientInitiated() {
    System.setProperty(PROPERTY, "true");
  }
}

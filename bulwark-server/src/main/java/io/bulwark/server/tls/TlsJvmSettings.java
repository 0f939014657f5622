package io.bulwark.server.tls;

import java.util.List;

/**
 * The JSSE settings that exist only as JVM-wide system properties on Java 17 (T2, T3): client
 * initiated renegotiation refused with a handshake-failure alert (a denial-of-service lever on TLS
 * 1.2; TLS 1.3 has none), and key exchange only over the groups of {@link TlsPolicy#GROUPS} (no
 * finite-field groups such as ffdhe2048; {@code SSLParameters.setNamedGroups} needs Java 20). The
 * JDK reads each property once, when its TLS classes first load, so this must run before the first
 * TLS use of the process: the launcher's {@code main} and the server application's start call it
 * first thing. The groups also apply to the JVM's outgoing TLS (database, LDAP, mail), which every
 * current server supports.
 *
 * <p>Session resumption is left to the JDK's stateless tickets (on by default since Java 13): each
 * ticket is encrypted with AES-256-GCM under a random in-memory key; the JDK makes a new key every
 * hour ({@code jdk.tls.server.statelessKeyTimeout}, default 3600 s) and destroys an old one once
 * the session lifetime has passed after its last use for new tickets. The session lifetime is
 * {@link TlsPolicy#SESSION_TIMEOUT}, set on the connector ({@link TlsServerCustomizer}).
 */
public final class TlsJvmSettings {

  /** The JDK system property that refuses client-initiated renegotiation. */
  public static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

  /** The JDK system property that lists the key exchange groups. */
  public static final String NAMED_GROUPS = "jdk.tls.namedGroups";

  private TlsJvmSettings() {}

  /** Sets both properties for this JVM. */
  public static void apply() {
    System.setProperty(REJECT_RENEGOTIATION, "true");
    System.setProperty(NAMED_GROUPS, String.join(",", TlsPolicy.GROUPS));
  }

  /** The groups the property names, in order; empty when it is not set (the JDK's defaults). */
  public static List<String> configuredGroups() {
    String value = System.getProperty(NAMED_GROUPS, "");
    return value.isBlank() ? List.of() : List.of(value.trim().split("\\s*,\\s*"));
  }

  /** Whether client-initiated renegotiation is refused in this JVM. */
  public static boolean renegotiationRefused() {
    return Boolean.parseBoolean(System.getProperty(REJECT_RENEGOTIATION));
  }
}

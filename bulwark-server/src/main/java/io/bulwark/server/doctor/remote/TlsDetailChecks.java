package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * TLS details seen from outside (T2, T3; issue 17): whether the server picks the cipher suite by
 * its own order, whether it refuses client-initiated renegotiation with an alert, and whether it
 * refuses every key exchange group outside x25519, secp256r1 and secp384r1.
 */
final class TlsDetailChecks {

  /** The TLS 1.2 suites T3 allows, in OpenSSL's names. */
  static final List<String> STRONG_TLS12_OPENSSL =
      List.of(
          "ECDHE-ECDSA-AES128-GCM-SHA256",
          "ECDHE-RSA-AES128-GCM-SHA256",
          "ECDHE-ECDSA-AES256-GCM-SHA384",
          "ECDHE-RSA-AES256-GCM-SHA384",
          "ECDHE-ECDSA-CHACHA20-POLY1305",
          "ECDHE-RSA-CHACHA20-POLY1305");

  /** Groups a server must refuse: finite-field groups, P-521 and X448, in OpenSSL's names. */
  static final String WEAK_OR_EXTRA_GROUPS =
      "ffdhe2048:ffdhe3072:ffdhe4096:ffdhe6144:ffdhe8192:secp521r1:X448";

  private TlsDetailChecks() {}

  /**
   * T3: the same suite is chosen whether the client offers the ECDHE AEAD suites in one order or
   * reversed.
   */
  static Finding serverOrder(ProbeTarget target, Optional<OpensslClient> openssl) {
    if (openssl.isEmpty()) {
      return Finding.warn(
          "T3",
          "suite order not tested: needs openssl on the PATH",
          "install openssl and run 'bulwark doctor --remote' again");
    }
    List<String> suites = new ArrayList<>(STRONG_TLS12_OPENSSL);
    Optional<String> first = openssl.get().tls12Suite(target, String.join(":", suites));
    Collections.reverse(suites);
    Optional<String> second = openssl.get().tls12Suite(target, String.join(":", suites));
    if (first.isEmpty() || second.isEmpty()) {
      return Finding.warn(
          "T3",
          "suite order not tested: no TLS 1.2 handshake with the ECDHE AEAD suites",
          "enable TLSv1.2 with ECDHE AEAD suites, or check the order by hand");
    }
    if (!first.get().equals(second.get())) {
      return Finding.fail(
          "T3",
          "the client's suite order wins: "
              + first.get()
              + " for one order, "
              + second.get()
              + " for the reverse",
          "enforce the server's cipher suite order (honorCipherOrder)");
    }
    return Finding.pass("T3", "server picks " + first.get() + " whatever the client's order");
  }

  /** T2: a client-initiated renegotiation of a TLS 1.2 connection is refused, not left hanging. */
  static Finding renegotiation(ProbeConnector connector) {
    String fix =
        "refuse client-initiated renegotiation (jdk.tls.rejectClientInitiatedRenegotiation)";
    return switch (connector.renegotiate()) {
      case REFUSED -> Finding.pass("T2", "client-initiated renegotiation refused");
      case COMPLETED -> Finding.fail("T2", "client-initiated renegotiation is not refused", fix);
      case NO_ANSWER ->
          Finding.warn(
              "T2",
              "client-initiated renegotiation gets no answer: not completed, but not refused with"
                  + " an alert either; the connection hangs until the server's timeout",
              "none in Bulwark yet: Tomcat's NIO connector does not send the JDK's refusal (the"
                  + " connection is closed by the keep-alive or read timeout); a TLS-terminating"
                  + " proxy in front refuses it with an alert");
      case NOT_TESTED ->
          Finding.warn("T2", "renegotiation not tested: no TLS 1.2 connection", "check by hand");
    };
  }

  /** T3: no handshake when the client offers only groups outside the policy. */
  static Finding groups(ProbeTarget target, Optional<OpensslClient> openssl) {
    if (openssl.isEmpty()) {
      return Finding.warn(
          "T3",
          "key exchange groups not tested: needs openssl on the PATH",
          "install openssl and run 'bulwark doctor --remote' again");
    }
    List<String> accepted = new ArrayList<>();
    for (String protocol : List.of("-tls1_3", "-tls1_2")) {
      if (openssl.get().handshakes(target, protocol, WEAK_OR_EXTRA_GROUPS)) {
        accepted.add(protocol.substring(1));
      }
    }
    if (!accepted.isEmpty()) {
      return Finding.fail(
          "T3",
          "groups outside x25519, secp256r1, secp384r1 accepted ("
              + String.join(", ", accepted)
              + "; offered "
              + WEAK_OR_EXTRA_GROUPS
              + ")",
          "offer only the ECDHE groups x25519, secp256r1, secp384r1 (jdk.tls.namedGroups)");
    }
    return Finding.pass("T3", "ffdhe, secp521r1 and X448 groups refused");
  }
}

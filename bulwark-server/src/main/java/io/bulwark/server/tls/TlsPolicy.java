package io.bulwark.server.tls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server may ever speak (T2, T3): the protocols TLS 1.3 and 1.2 and, for TLS 1.2, only
 * ECDHE key exchange with AEAD ciphers (Mozilla "intermediate", without DHE). Settings may narrow
 * these lists, never widen them.
 */
public final class TlsPolicy {

  /** Allowed protocols, in preference order (T2). */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /** TLS 1.3 suites; all of them are AEAD with ephemeral key exchange. */
  public static final List<String> TLS13_SUITES =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  /** TLS 1.2 suites: ECDHE with AES-GCM or ChaCha20-Poly1305 only (T3). */
  public static final List<String> TLS12_SUITES =
      List.of(
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  /**
   * Key exchange groups, in preference order: ECDHE over X25519, P-256 and P-384 only; no
   * finite-field (ffdhe) groups (T3).
   */
  public static final List<String> GROUPS = List.of("x25519", "secp256r1", "secp384r1");

  /**
   * How long a TLS session (and so a session ticket) may be resumed: one hour. The server's cipher
   * suite order is enforced ({@link TlsServerCustomizer}).
   */
  public static final Duration SESSION_TIMEOUT = Duration.ofHours(1);

  /** Every suite the server may enable: TLS 1.3 suites first, then the TLS 1.2 ones. */
  public static final List<String> SUITES = concat(TLS13_SUITES, TLS12_SUITES);

  private TlsPolicy() {}

  private static List<String> concat(List<String> first, List<String> second) {
    var all = new ArrayList<String>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}

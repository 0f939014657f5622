package io.bulwark.server.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TLS settings, bound from {@code bulwark.tls.*} (T2–T4). Binding never fails on a policy
 * violation, so that {@code doctor} can report it; the server refuses to start while {@link
 * #problems()} is not empty. There is no relaxation: protocols and suites may only be narrowed
 * within {@link TlsPolicy}.
 *
 * @param certificate PEM certificate chain file, server certificate first; with {@code privateKey}
 * @param privateKey PEM private key file (PKCS#8, PKCS#1 or SEC1, unencrypted; owner-only)
 * @param keystore PKCS#12 key store holding the server key and chain; instead of PEM
 * @param keystorePasswordFile file holding the key store password, readable by the owner only (D3);
 *     when absent the password comes from the environment variable {@code
 *     BULWARK_TLS_KEYSTORE_PASSWORD}
 * @param protocols enabled protocols; default TLSv1.3, TLSv1.2
 * @param cipherSuites enabled suites (IANA names); default all of {@link TlsPolicy#SUITES}
 */
@ConfigurationProperties("bulwark.tls")
public record TlsSettings(
    @Nullable Path certificate,
    @Nullable Path privateKey,
    @Nullable Path keystore,
    @Nullable Path keystorePasswordFile,
    @DefaultValue({"TLSv1.3", "TLSv1.2"}) List<String> protocols,
    @DefaultValue({
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
        })
        List<String> cipherSuites) {

  public TlsSettings {
    protocols = protocols == null ? TlsPolicy.PROTOCOLS : List.copyOf(protocols);
    cipherSuites = cipherSuites == null ? TlsPolicy.SUITES : List.copyOf(cipherSuites);
  }

  /** The secure defaults: generated certificate, TLS 1.3 and 1.2, all policy suites. */
  public static TlsSettings defaults() {
    return new TlsSettings(null, null, null, null, TlsPolicy.PROTOCOLS, TlsPolicy.SUITES);
  }

  /** Settings with the given PEM certificate chain and private key, other values default. */
  public static TlsSettings pem(Path certificate, Path privateKey) {
    return new TlsSettings(
        certificate, privateKey, null, null, TlsPolicy.PROTOCOLS, TlsPolicy.SUITES);
  }

  /** Settings with the given PKCS#12 key store and password file, other values default. */
  public static TlsSettings pkcs12(Path keystore, Path passwordFile) {
    return new TlsSettings(
        null, null, keystore, passwordFile, TlsPolicy.PROTOCOLS, TlsPolicy.SUITES);
  }

  /** Where the certificate comes from, as configured. */
  public CertificateSource source() {
    if (keystore != null) {
      return CertificateSource.PKCS12;
    }
    return certificate != null || privateKey != null
        ? CertificateSource.PEM
        : CertificateSource.GENERATED;
  }

  /**
   * What breaks the policy, one message per broken rule naming the setting; empty when the settings
   * are acceptable.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    protocolProblems(problems);
    suiteProblems(problems);
    if (keystore != null && (certificate != null || privateKey != null)) {
      problems.add(
          "bulwark.tls.keystore and bulwark.tls.certificate/private-key are both set;"
              + " configure one of them");
    }
    if (keystore == null && (certificate == null) != (privateKey == null)) {
      problems.add("bulwark.tls.certificate and bulwark.tls.private-key must be set together");
    }
    return List.copyOf(problems);
  }

  private void protocolProblems(List<String> problems) {
    if (protocols.isEmpty()) {
      problems.add("bulwark.tls.protocols is empty; allowed: " + TlsPolicy.PROTOCOLS);
    }
    for (String protocol : protocols) {
      if (!TlsPolicy.PROTOCOLS.contains(protocol)) {
        problems.add(
            "bulwark.tls.protocols contains "
                + protocol
                + "; only "
                + TlsPolicy.PROTOCOLS
                + " are allowed (T2)");
      }
    }
  }

  private void suiteProblems(List<String> problems) {
    for (String suite : cipherSuites) {
      if (!TlsPolicy.SUITES.contains(suite)) {
        problems.add(
            "bulwark.tls.cipher-suites contains "
                + suite
                + "; only TLS 1.3 suites and ECDHE suites with AES-GCM or ChaCha20-Poly1305"
                + " are allowed (T3)");
      }
    }
    if (protocols.contains("TLSv1.3")
        && cipherSuites.stream().noneMatch(TlsPolicy.TLS13_SUITES::contains)) {
      problems.add("bulwark.tls.cipher-suites has no TLS 1.3 suite but TLSv1.3 is enabled");
    }
    if (protocols.contains("TLSv1.2")
        && cipherSuites.stream().noneMatch(TlsPolicy.TLS12_SUITES::contains)) {
      problems.add("bulwark.tls.cipher-suites has no TLS 1.2 suite but TLSv1.2 is enabled");
    }
  }
}

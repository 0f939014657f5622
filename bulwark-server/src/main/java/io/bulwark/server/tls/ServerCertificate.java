package io.bulwark.server.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The server's private key and certificate chain, server certificate first (T4).
 *
 * @param privateKey the key matching the first certificate; never logged
 * @param chain the certificate chain, not empty
 * @param source where it came from
 */
public record ServerCertificate(
    PrivateKey privateKey, List<X509Certificate> chain, CertificateSource source) {

  /** The alias of the key entry in {@link #toKeyStore(char[])}. */
  public static final String ALIAS = "bulwark";

  public ServerCertificate {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(source, "source");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new TlsConfigurationException("the certificate chain is empty");
    }
    if (!chain.get(0).getPublicKey().getAlgorithm().equals(privateKey.getAlgorithm())) {
      throw new TlsConfigurationException(
          "the private key ("
              + privateKey.getAlgorithm()
              + ") does not match the certificate ("
              + chain.get(0).getPublicKey().getAlgorithm()
              + ")");
    }
  }

  /** The server (leaf) certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** When the server certificate expires. */
  public Instant notAfter() {
    return certificate().getNotAfter().toInstant();
  }

  /** SHA-256 over the DER certificate, as colon-separated upper-case hex (not a secret). */
  public String sha256Fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
      return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (GeneralSecurityException e) {
      throw new TlsConfigurationException("cannot compute the certificate fingerprint", e);
    }
  }

  /** Whether the server certificate is signed by its own key (no certificate authority). */
  public boolean selfSigned() {
    X509Certificate cert = certificate();
    if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    try {
      cert.verify(cert.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** An in-memory PKCS#12 key store holding this key and chain under {@link #ALIAS}. */
  public KeyStore toKeyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsConfigurationException("cannot build the server key store", e);
    }
  }

  @Override
  public String toString() {
    return "ServerCertificate[" + certificate().getSubjectX500Principal() + ", " + source + "]";
  }
}

package io.bulwark.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The TLS client side of outbound connections (T7: SMTP, LDAP): TLS 1.3 and 1.2 only, and the
 * server's certificate checked against the JDK's trust store or, when a PEM file is configured,
 * against the certificates in that file only. Host names are checked by the caller's protocol
 * library (each has its own switch, which Bulwark always turns on). There is no trust-all mode.
 */
public final class OutboundTrust {

  /** The protocol versions an outbound connection may use (T2). */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private OutboundTrust() {}

  /**
   * A client context that trusts the certificates of {@code pemFile}, or the JDK's default trust
   * store when it is null.
   *
   * @throws IllegalStateException the file cannot be read or holds no certificate
   */
  public static SSLContext clientContext(@Nullable Path pemFile) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(pemFile == null ? null : trustStore(pemFile));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up outbound TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore trustStore(Path pemFile) throws GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pemFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trusted certificates " + pemFile, e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalStateException("no certificate in " + pemFile + " (T7)");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("trusted-" + i++, certificate);
    }
    return store;
  }
}

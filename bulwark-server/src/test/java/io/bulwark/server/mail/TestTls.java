package io.bulwark.server.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS material for the in-process SMTP and LDAP servers of the tests (T7): a throwaway CA, a server
 * certificate it issued for the DNS name {@code localhost} only (so that connecting by {@code
 * 127.0.0.1} fails the host-name check), written as a PKCS#12 key store for the server and as a PEM
 * file of the CA certificate for the client to trust.
 *
 * @param keyStore the server's PKCS#12 key store (alias {@code server})
 * @param password the key store's and the key's password
 * @param caPem the CA certificate, PEM
 */
public record TestTls(Path keyStore, String password, Path caPem) {

  /** Makes a CA and a server certificate for {@code localhost} under {@code dir}. */
  public static TestTls create(Path dir) {
    try {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(256);
      KeyPair ca = ec.generateKeyPair();
      KeyPair server = ec.generateKeyPair();
      Instant now = Instant.now();
      X500Name caName = new X500Name("CN=Bulwark Test CA");
      JcaX509v3CertificateBuilder caBuilder =
          new JcaX509v3CertificateBuilder(
              caName,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minusSeconds(60)),
              Date.from(now.plus(Duration.ofDays(1))),
              caName,
              ca.getPublic());
      caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate caCertificate = sign(caBuilder, ca);
      JcaX509v3CertificateBuilder serverBuilder =
          new JcaX509v3CertificateBuilder(
              caName,
              BigInteger.valueOf(now.toEpochMilli() + 1),
              Date.from(now.minusSeconds(60)),
              Date.from(now.plus(Duration.ofDays(1))),
              new X500Name("CN=localhost"),
              server.getPublic());
      serverBuilder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
      X509Certificate serverCertificate = sign(serverBuilder, ca);

      String password = "test-store-" + now.toEpochMilli();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server",
          server.getPrivate(),
          password.toCharArray(),
          new Certificate[] {serverCertificate, caCertificate});
      Path keyStore = dir.resolve("server.p12");
      try (OutputStream out = Files.newOutputStream(keyStore)) {
        store.store(out, password.toCharArray());
      }
      Path caPem = dir.resolve("ca.pem");
      Files.writeString(caPem, pem(caCertificate), StandardCharsets.US_ASCII);
      return new TestTls(keyStore, password, caPem);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  private static String pem(X509Certificate certificate) throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}

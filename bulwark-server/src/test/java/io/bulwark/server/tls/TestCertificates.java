package io.bulwark.server.tls;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test certificates: an RSA server certificate issued by a throwaway CA, valid for a window. */
final class TestCertificates {

  private TestCertificates() {}

  /** An RSA-2048 server certificate for localhost signed by a fresh CA, valid from now. */
  static ServerCertificate caIssuedRsa(Duration validity) throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair ca = rsa.generateKeyPair();
    KeyPair server = rsa.generateKeyPair();
    Instant now = Instant.now();
    X500Name issuer = new X500Name("CN=Test CA");
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(validity)),
            new X500Name("CN=localhost"),
            server.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate())));
    return new ServerCertificate(
        server.getPrivate(), java.util.List.of(certificate), CertificateSource.PKCS12);
  }

  /** Writes the certificate as a PKCS#12 file with the password, and a 0600 password file. */
  static void writePkcs12(
      ServerCertificate certificate, Path keystore, Path passwordFile, String password)
      throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server",
        certificate.privateKey(),
        password.toCharArray(),
        certificate.chain().toArray(new Certificate[0]));
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, password.toCharArray());
    }
    OwnerOnlyFiles.write(passwordFile, password + "\n");
  }
}

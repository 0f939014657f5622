package io.bulwark.server.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the first-run self-signed certificate (T4): EC P-256 key, SHA256withECDSA, valid one
 * year, subject alternative names localhost, 127.0.0.1, ::1 and this machine's host name. Built
 * with BouncyCastle on the JDK's default providers; no provider is registered globally.
 */
final class SelfSignedCertificateGenerator {

  static final Duration VALIDITY = Duration.ofDays(365);

  private final Clock clock;

  SelfSignedCertificateGenerator(Clock clock) {
    this.clock = clock;
  }

  ServerCertificate generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = generator.generateKeyPair();
      Instant now = clock.instant();
      String host = hostName();
      X500Name subject = new X500Name("CN=" + host + ",O=Bulwark self-signed");
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(VALIDITY)),
              subject,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(host));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      return new ServerCertificate(
          keys.getPrivate(), List.of(certificate), CertificateSource.GENERATED);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new TlsConfigurationException("cannot generate the self-signed certificate", e);
    }
  }

  private static GeneralNames alternativeNames(String host) {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, "localhost"));
    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    names.add(new GeneralName(GeneralName.iPAddress, "::1"));
    if (!host.equals("localhost")) {
      names.add(new GeneralName(GeneralName.dNSName, host));
    }
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  /** This machine's host name when it is a usable DNS name, else {@code localhost}. */
  static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?") ? name : "localhost";
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}

package io.bulwark.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Reads and writes PEM certificates and private keys through BouncyCastle (T4). */
final class PemFiles {

  private PemFiles() {}

  /** All certificates in the file, in file order. */
  static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new TlsConfigurationException("cannot read PEM certificate " + file, e);
    }
    if (certificates.isEmpty()) {
      throw new TlsConfigurationException("no PEM certificate found in " + file);
    }
    return certificates;
  }

  /** The first private key in the file: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted. */
  static PrivateKey readPrivateKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new TlsConfigurationException("cannot read PEM private key " + file, e);
    }
    throw new TlsConfigurationException(
        "no unencrypted PEM private key found in " + file + " (encrypted keys: use PKCS#12)");
  }

  /** The certificate as PEM text. */
  static String certificatePem(X509Certificate certificate) {
    return pem(certificate);
  }

  /** The private key as PKCS#8 PEM text. */
  static String privateKeyPem(PrivateKey key) {
    try {
      return pem(new JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new TlsConfigurationException("cannot encode the private key", e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new TlsConfigurationException("cannot encode PEM", e);
    }
    return text.toString();
  }
}

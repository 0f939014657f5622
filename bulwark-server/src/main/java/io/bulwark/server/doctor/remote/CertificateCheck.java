package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** T4: the server certificate as the probe received it, trusted or not. */
final class CertificateCheck {

  static final String NOTE =
      "the probe accepts any certificate to inspect it; host name not checked";

  private CertificateCheck() {}

  static Finding t4(List<X509Certificate> chain, ProbeOptions options, Instant now) {
    if (chain.isEmpty()) {
      return Finding.fail("T4", "no certificate received", "configure a server certificate");
    }
    X509Certificate leaf = chain.get(0);
    List<String> fails = new ArrayList<>();
    List<String> warns = new ArrayList<>();
    try {
      leaf.checkValidity(java.util.Date.from(now));
      long days = Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
      if (days < 30) {
        warns.add("expires in " + days + " days");
      }
    } catch (CertificateExpiredException e) {
      fails.add("expired on " + leaf.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      fails.add("not valid before " + leaf.getNotBefore().toInstant());
    }
    String weakKey = weakKey(leaf.getPublicKey());
    if (!weakKey.isEmpty()) {
      fails.add(weakKey);
    }
    if (isSelfSigned(leaf)) {
      (options.production() ? fails : warns).add("self-signed");
    }
    String about =
        "subject "
            + leaf.getSubjectX500Principal().getName()
            + ", SHA-256 fingerprint "
            + fingerprint(leaf)
            + " ("
            + NOTE
            + ")";
    String fix =
        "use a certificate from a trusted CA with an RSA key of 2048+ bits or an EC key of 256+"
            + " bits, renewed before it expires";
    if (!fails.isEmpty()) {
      return Finding.fail("T4", String.join(", ", fails) + "; " + about, fix);
    }
    if (!warns.isEmpty()) {
      return Finding.warn("T4", String.join(", ", warns) + "; " + about, fix);
    }
    return Finding.pass("T4", "certificate valid; " + about);
  }

  static String fingerprint(X509Certificate cert) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      return "unavailable";
    }
  }

  private static String weakKey(PublicKey key) {
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
      return "RSA key of " + rsa.getModulus().bitLength() + " bits (< 2048)";
    }
    if (key instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() < 256) {
      return "EC key of " + ec.getParams().getOrder().bitLength() + " bits (< 256)";
    }
    String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
    if (!algorithm.equals("RSA") && !algorithm.equals("EC") && !algorithm.startsWith("ED")) {
      return "unusual key algorithm " + key.getAlgorithm();
    }
    return "";
  }

  private static boolean isSelfSigned(X509Certificate cert) {
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
}

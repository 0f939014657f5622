package io.bulwark.server.tls;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Doctor check T4: the server certificate can be read; a self-signed one is a FAIL in the
 * production profile and a WARN in dev and test (as the remote probe grades it: no browser trusts
 * it); expired is a FAIL, expiring within 30 days a WARN; a PEM private key readable by others a
 * WARN (D3).
 */
public final class T4CertificateCheck implements LocalCheck {

  static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  private final TlsSettings settings;
  private final ServerCertificates certificates;
  private final BulwarkProfile profile;
  private final Clock clock;

  public T4CertificateCheck(
      TlsSettings settings, ServerCertificates certificates, BulwarkProfile profile, Clock clock) {
    this.settings = settings;
    this.certificates = certificates;
    this.profile = profile;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "T4";
  }

  @Override
  public Finding run() {
    Optional<ServerCertificate> found;
    try {
      found = certificates.find();
    } catch (TlsConfigurationException e) {
      return Finding.fail(
          id(),
          Objects.requireNonNullElse(e.getMessage(), e.toString()),
          "fix the bulwark.tls certificate settings");
    }
    if (found.isEmpty()) {
      return selfSigned("no certificate configured; a self-signed one is generated at first start");
    }
    ServerCertificate certificate = found.get();
    Instant now = clock.instant();
    String what =
        certificate.certificate().getSubjectX500Principal().getName()
            + " (SHA-256 "
            + certificate.sha256Fingerprint()
            + ")";
    if (!certificate.notAfter().isAfter(now)) {
      return Finding.fail(
          id(), "certificate " + what + " expired " + certificate.notAfter(), RENEW);
    }
    if (certificate.selfSigned()) {
      return selfSigned("self-signed certificate " + what);
    }
    if (certificate.notAfter().isBefore(now.plus(EXPIRY_WARNING))) {
      return Finding.warn(
          id(), "certificate " + what + " expires " + certificate.notAfter(), RENEW);
    }
    if (privateKeyExposed()) {
      return Finding.warn(
          id(),
          "bulwark.tls.private-key " + settings.privateKey() + " is readable by group or others",
          "chmod 600 " + settings.privateKey());
    }
    return Finding.pass(id(), "certificate " + what + " valid until " + certificate.notAfter());
  }

  private static final String RENEW = "renew the certificate and restart the server";

  private static final String CONFIGURE =
      "configure bulwark.tls.certificate and bulwark.tls.private-key (PEM) or bulwark.tls.keystore"
          + " (PKCS#12) with a certificate from a trusted authority";

  private Finding selfSigned(String message) {
    if (profile == BulwarkProfile.PRODUCTION) {
      return Finding.fail(id(), message + "; not acceptable in the production profile", CONFIGURE);
    }
    return Finding.warn(
        id(),
        message + "; acceptable in the " + profile + " profile, not in production",
        CONFIGURE);
  }

  private boolean privateKeyExposed() {
    try {
      Path privateKey = settings.privateKey();
      return settings.source() == CertificateSource.PEM
          && privateKey != null
          && OwnerOnlyFiles.accessibleByOthers(privateKey);
    } catch (IOException e) {
      return false;
    }
  }
}

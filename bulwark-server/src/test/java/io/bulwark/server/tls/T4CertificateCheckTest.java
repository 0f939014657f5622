package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class T4CertificateCheckTest {

  @TempDir Path dataDir;

  private Finding check(TlsSettings settings, BulwarkProfile profile, Clock clock) {
    ServerCertificates certificates =
        new ServerCertificates(settings, dataDir, Map.<String, String>of()::get, Clock.systemUTC());
    return new T4CertificateCheck(settings, certificates, profile, clock).run();
  }

  @Test
  void t4_selfSignedWarnsInDevWithNoteAndFailsInProduction() {
    new ServerCertificates(TlsSettings.defaults(), dataDir, k -> null, Clock.systemUTC())
        .findOrGenerate();

    Finding dev = check(TlsSettings.defaults(), BulwarkProfile.DEV, Clock.systemUTC());
    Finding production =
        check(TlsSettings.defaults(), BulwarkProfile.PRODUCTION, Clock.systemUTC());

    assertThat(dev.status()).isEqualTo(CheckStatus.WARN);
    assertThat(dev.message()).contains("self-signed").contains("not in production");
    assertThat(production.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(production.fix()).contains("bulwark.tls.certificate");
    assertThat(production.checkId()).isEqualTo("T4");
  }

  @Test
  void t4_notYetGeneratedFailsInProduction() {
    assertThat(check(TlsSettings.defaults(), BulwarkProfile.PRODUCTION, Clock.systemUTC()).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(check(TlsSettings.defaults(), BulwarkProfile.TEST, Clock.systemUTC()).status())
        .isEqualTo(CheckStatus.WARN);
  }

  @Test
  void t4_caIssuedCertificatePassesThenWarnsWithin30DaysThenFailsWhenExpired() throws Exception {
    ServerCertificate issued = TestCertificates.caIssuedRsa(Duration.ofDays(60));
    Path keystore = dataDir.resolve("server.p12");
    Path passwordFile = dataDir.resolve("keystore.pass");
    TestCertificates.writePkcs12(issued, keystore, passwordFile, "pw-123456");
    TlsSettings settings = TlsSettings.pkcs12(keystore, passwordFile);
    Instant now = Instant.now();

    Finding valid = check(settings, BulwarkProfile.PRODUCTION, Clock.fixed(now, ZoneOffset.UTC));
    Finding expiring =
        check(
            settings,
            BulwarkProfile.PRODUCTION,
            Clock.fixed(now.plus(Duration.ofDays(45)), ZoneOffset.UTC));
    Finding expired =
        check(
            settings,
            BulwarkProfile.PRODUCTION,
            Clock.fixed(now.plus(Duration.ofDays(61)), ZoneOffset.UTC));

    assertThat(valid.status()).isEqualTo(CheckStatus.PASS);
    assertThat(expiring.status()).isEqualTo(CheckStatus.WARN);
    assertThat(expiring.message()).contains("expires");
    assertThat(expired.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(expired.message()).contains("expired");
  }

  @Test
  void t4_unreadableCertificateIsAFailNotAnException() {
    TlsSettings settings = TlsSettings.pem(dataDir.resolve("missing.crt"), dataDir.resolve("k"));
    Finding finding = check(settings, BulwarkProfile.DEV, Clock.systemUTC());
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).startsWith("cannot read PEM");
  }

  @Test
  void t2AndT3ChecksFailOnPolicyViolationsAndPassOnDefaults() {
    TlsSettings weak =
        new TlsSettings(
            null,
            null,
            null,
            null,
            java.util.List.of("TLSv1.1"),
            java.util.List.of("TLS_RSA_WITH_AES_128_CBC_SHA"));
    assertThat(new T2ProtocolsCheck(weak).run().status()).isEqualTo(CheckStatus.FAIL);
    assertThat(new T3CipherSuitesCheck(weak).run().status()).isEqualTo(CheckStatus.FAIL);
    TlsJvmSettings.apply();
    assertThat(new T2ProtocolsCheck(TlsSettings.defaults()).run().status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(new T3CipherSuitesCheck(TlsSettings.defaults()).run().message())
        .contains("6 of them for TLS 1.2");
  }
}

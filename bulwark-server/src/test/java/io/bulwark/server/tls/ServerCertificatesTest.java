package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificatesTest {

  @TempDir Path dataDir;

  private ServerCertificates certificates(TlsSettings settings, Map<String, String> env) {
    return new ServerCertificates(settings, dataDir, env::get, Clock.systemUTC());
  }

  @Test
  void t4_generatesSelfSignedCertificateOnceAndReusesIt() throws Exception {
    ServerCertificates store = certificates(TlsSettings.defaults(), Map.of());
    assertThat(store.find()).isEmpty();

    ServerCertificate first = store.findOrGenerate();
    ServerCertificate second = certificates(TlsSettings.defaults(), Map.of()).findOrGenerate();

    assertThat(second.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
    assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
    assertThat(first.source()).isEqualTo(CertificateSource.GENERATED);
    assertThat(first.selfSigned()).isTrue();
    assertThat(first.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(store.generatedKeyFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("tls"))))
        .isEqualTo("rwx------");

    X509Certificate cert = first.certificate();
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
        .isBetween(Duration.ofDays(365), Duration.ofDays(365).plusMinutes(6));
    List<String> names =
        cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    assertThat(names).contains("localhost", "127.0.0.1", SelfSignedCertificateGenerator.hostName());
    assertThat(names).anySatisfy(n -> assertThat(n).matches("0:0:0:0:0:0:0:1|::1"));
  }

  @Test
  void t4_loadsPemCertificate() throws Exception {
    ServerCertificate generated = certificates(TlsSettings.defaults(), Map.of()).findOrGenerate();
    Path cert = dataDir.resolve("tls/server.crt");
    Path key = dataDir.resolve("tls/server.key");

    ServerCertificate loaded = certificates(TlsSettings.pem(cert, key), Map.of()).findOrGenerate();

    assertThat(loaded.source()).isEqualTo(CertificateSource.PEM);
    assertThat(loaded.sha256Fingerprint()).isEqualTo(generated.sha256Fingerprint());
    assertThat(loaded.privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
  }

  @Test
  void t4_loadsPkcs12Keystore() throws Exception {
    ServerCertificate issued = TestCertificates.caIssuedRsa(Duration.ofDays(90));
    Path keystore = dataDir.resolve("server.p12");
    Path passwordFile = dataDir.resolve("keystore.pass");
    TestCertificates.writePkcs12(issued, keystore, passwordFile, "s3cret-store");

    ServerCertificate loaded =
        certificates(TlsSettings.pkcs12(keystore, passwordFile), Map.of()).findOrGenerate();

    assertThat(loaded.source()).isEqualTo(CertificateSource.PKCS12);
    assertThat(loaded.sha256Fingerprint()).isEqualTo(issued.sha256Fingerprint());
    assertThat(loaded.selfSigned()).isFalse();
    assertThat(Files.exists(dataDir.resolve("tls"))).isFalse();
  }

  @Test
  void d3_keystorePasswordComesFromEnvironmentWhenNoFileIsSet() throws Exception {
    ServerCertificate issued = TestCertificates.caIssuedRsa(Duration.ofDays(90));
    Path keystore = dataDir.resolve("server.p12");
    TestCertificates.writePkcs12(issued, keystore, dataDir.resolve("unused"), "from-env");

    ServerCertificate loaded =
        certificates(
                TlsSettings.pkcs12(keystore, null),
                Map.of(ServerCertificates.KEYSTORE_PASSWORD_ENV, "from-env"))
            .findOrGenerate();

    assertThat(loaded.sha256Fingerprint()).isEqualTo(issued.sha256Fingerprint());
  }

  @Test
  void d3_refusesKeystorePasswordFileReadableByOthers() throws Exception {
    ServerCertificate issued = TestCertificates.caIssuedRsa(Duration.ofDays(90));
    Path keystore = dataDir.resolve("server.p12");
    Path passwordFile = dataDir.resolve("keystore.pass");
    TestCertificates.writePkcs12(issued, keystore, passwordFile, "s3cret-store");
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(
            () -> certificates(TlsSettings.pkcs12(keystore, passwordFile), Map.of()).find())
        .isInstanceOf(TlsConfigurationException.class)
        .hasMessageContaining("bulwark.tls.keystore-password-file")
        .hasMessageContaining("chmod 600")
        .hasMessageNotContaining("s3cret-store");
  }

  @Test
  void wrongKeystorePasswordIsReportedWithoutThePassword() throws Exception {
    ServerCertificate issued = TestCertificates.caIssuedRsa(Duration.ofDays(90));
    Path keystore = dataDir.resolve("server.p12");
    TestCertificates.writePkcs12(issued, keystore, dataDir.resolve("p"), "right-one");

    assertThatThrownBy(
            () ->
                certificates(
                        TlsSettings.pkcs12(keystore, null),
                        Map.of(ServerCertificates.KEYSTORE_PASSWORD_ENV, "wrong-one"))
                    .find())
        .isInstanceOf(TlsConfigurationException.class)
        .hasMessageContaining("bulwark.tls.keystore")
        .hasMessageNotContaining("wrong-one");
  }
}

package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.BulwarkServerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on a CA-issued RSA certificate from a PKCS#12 key store (T3, T4). */
@SpringBootTest(
    classes = BulwarkServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Pkcs12ServerTest {

  private static final Path DIR = tempDir();
  private static final ServerCertificate ISSUED = issue();

  @DynamicPropertySource
  static void keystore(DynamicPropertyRegistry registry) {
    registry.add("bulwark.data-dir", () -> DIR.resolve("data").toString());
    registry.add("bulwark.tls.keystore", () -> DIR.resolve("server.p12").toString());
    registry.add("bulwark.tls.keystore-password-file", () -> DIR.resolve("p12.pass").toString());
  }

  @LocalServerPort int port;

  @Test
  void t4_loadsPkcs12KeystoreAndServesItsCertificate() throws Exception {
    TlsClient client = new TlsClient();
    assertThat(client.handshake(port, "TLSv1.3")).isPresent();
    assertThat(client.presentedCertificate()).isEqualTo(ISSUED.certificate());
    assertThat(Files.exists(DIR.resolve("data/tls"))).as("nothing generated").isFalse();
  }

  @Test
  void t3_refusesCbcAndStaticRsaSuites() throws Exception {
    TlsClient client = new TlsClient();
    for (String weak :
        List.of(
            "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")) {
      assertThat(client.handshake(port, "TLSv1.2", weak)).as(weak).isEmpty();
    }
  }

  @Test
  void t3_offersOnlyEcdheAeadFor12() throws Exception {
    TlsClient client = new TlsClient();
    List<String> accepted = new java.util.ArrayList<>();
    for (String suite : client.supportedSuites()) {
      client
          .handshake(port, "TLSv1.2", suite)
          .map(SSLSession::getCipherSuite)
          .ifPresent(accepted::add);
    }
    assertThat(accepted)
        .containsExactlyInAnyOrder(
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bulwark-p12-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ServerCertificate issue() {
    try {
      ServerCertificate issued = TestCertificates.caIssuedRsa(Duration.ofDays(90));
      TestCertificates.writePkcs12(
          issued, DIR.resolve("server.p12"), DIR.resolve("p12.pass"), "changeit-123");
      return issued;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.BulwarkServerApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running server on its defaults, probed over real sockets (T1–T4). */
@SpringBootTest(
    classes = BulwarkServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpsServerTest {

  private static final Path DATA_DIR = tempDir();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("bulwark.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort int port;

  @Autowired WebServerApplicationContext context;

  @Autowired ServerCertificates certificates;

  @Test
  void t1_plainHttpToTlsPortGetsNoContent() throws IOException {
    String answer;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 5000);
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      answer = readUpTo(socket.getInputStream(), 4096);
    }
    // Tomcat answers a plain request on a TLS port with a bare 400 or by closing; never content.
    assertThat(answer).doesNotContainPattern("HTTP/1\\.[01] [23]\\d\\d");
    assertThat(answer).doesNotContainIgnoringCase("<html").doesNotContain("Set-Cookie");
  }

  @Test
  void t1_everyConnectorUsesTls() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    Connector[] connectors = server.getTomcat().getService().findConnectors();
    assertThat(connectors).hasSize(1);
    assertThat(connectors[0].getLocalPort()).isEqualTo(port);
    assertThat(connectors[0].getScheme()).isEqualTo("https");
    assertThat(connectors[0].getSecure()).isTrue();
  }

  @Test
  void t2_acceptsTls13AndTls12() throws Exception {
    TlsClient client = new TlsClient();
    assertThat(client.handshake(port, "TLSv1.3")).map(SSLSession::getProtocol).hasValue("TLSv1.3");
    assertThat(client.handshake(port, "TLSv1.2")).map(SSLSession::getProtocol).hasValue("TLSv1.2");
    assertThat(client.getStatusLine(port)).startsWith("HTTP/1.1 ");
  }

  @Test
  void t3_offersOnlyEcdheAeadFor12() throws Exception {
    TlsClient client = new TlsClient();
    List<String> accepted = new ArrayList<>();
    for (String suite : client.supportedSuites()) {
      Optional<SSLSession> session = client.handshake(port, "TLSv1.2", suite);
      session.ifPresent(s -> accepted.add(s.getCipherSuite()));
    }
    // The certificate is EC, so the ECDSA suites are the ones that can be negotiated.
    assertThat(accepted)
        .containsExactlyInAnyOrder(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
  }

  @Test
  void t3_refusesCbcSuitesThatTheJdkWouldAccept() throws Exception {
    TlsClient client = new TlsClient();
    for (String cbc :
        List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA")) {
      assertThat(client.handshake(port, "TLSv1.2", cbc)).as(cbc).isEmpty();
    }
  }

  @Test
  void t3_serverCipherOrderWinsOverTheClients() throws Exception {
    TlsClient client = new TlsClient();
    SSLSession tls12 =
        client
            .handshake(
                port,
                "TLSv1.2",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
            .orElseThrow();
    assertThat(tls12.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    SSLSession tls13 =
        client
            .handshake(
                port,
                "TLSv1.3",
                "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_AES_256_GCM_SHA384",
                "TLS_AES_128_GCM_SHA256")
            .orElseThrow();
    assertThat(tls13.getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
  }

  @Test
  void t4_generatesSelfSignedCertificateAndServesIt() throws Exception {
    TlsClient client = new TlsClient();
    assertThat(client.handshake(port, "TLSv1.3")).isPresent();
    ServerCertificate generated = certificates.find().orElseThrow();
    assertThat(generated.source()).isEqualTo(CertificateSource.GENERATED);
    assertThat(client.presentedCertificate()).isEqualTo(generated.certificate());
    assertThat(Files.exists(DATA_DIR.resolve("tls/server.key"))).isTrue();
  }

  @Test
  void rejectsClientInitiatedRenegotiation() throws Exception {
    TlsClient client = new TlsClient();
    try (SSLSocket socket = client.open(port, "TLSv1.2")) {
      socket.startHandshake();
      assertThatThrownBy(
              () -> {
                socket.startHandshake();
                socket
                    .getOutputStream()
                    .write(
                        "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().read();
              })
          .isInstanceOf(SSLException.class);
    }
    assertThat(System.getProperty(TlsJvmSettings.REJECT_RENEGOTIATION)).isEqualTo("true");
  }

  private static String readUpTo(InputStream in, int max) throws IOException {
    byte[] buffer = new byte[max];
    int total = 0;
    try {
      for (int n; total < max && (n = in.read(buffer, total, max - total)) > 0; ) {
        total += n;
      }
    } catch (IOException closedByServer) {
      // A reset is an acceptable answer to plain HTTP on the TLS port.
    }
    return new String(Arrays.copyOf(buffer, total), StandardCharsets.ISO_8859_1);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bulwark-https-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

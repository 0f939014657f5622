package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Connections do not outstay their welcome (W6, E8): idle ones, partial requests and refused
 * uploads are closed within the configured timeouts (here shortened to 2 s), and connections beyond
 * the cap (here 10) wait until others close.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.http.read-timeout=PT2S",
      "bulwark.http.keep-alive-timeout=PT2S",
      "bulwark.http.max-connections=10"
    })
class ConnectionLimitsIT {

  @Autowired private Environment environment;

  private SSLSocket open() throws IOException, GeneralSecurityException {
    return TlsConnections.open(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private static double secondsUntilClosed(SSLSocket socket, long since) throws IOException {
    return TlsConnections.secondsUntilClosed(socket, since);
  }

  @Test
  void w6_idleTlsConnectionIsClosedAfterTheTimeout() throws Exception {
    try (SSLSocket socket = open()) {
      long start = System.nanoTime();
      assertThat(secondsUntilClosed(socket, start)).isLessThan(6);
    }
  }

  @Test
  void w6_partialRequestIsClosedAfterTheReadTimeout() throws Exception {
    try (SSLSocket socket = open()) {
      long start = System.nanoTime();
      socket.getOutputStream().write("GET /app/login HTTP/1.1\r\nHost: x".getBytes(US_ASCII));
      socket.getOutputStream().flush();
      assertThat(secondsUntilClosed(socket, start)).isLessThan(6);
    }
  }

  @Test
  void e8_connectionsBeyondTheCapWaitUntilOthersClose() throws Exception {
    List<SSLSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        held.add(open());
      }
      long start = System.nanoTime();
      try (SSLSocket eleventh = open()) {
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds)
            .as("the 11th connection is served only once idle ones are closed")
            .isGreaterThan(1);
        eleventh
            .getOutputStream()
            .write(
                "GET /app/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(US_ASCII));
        byte[] head = new byte[12];
        int n = eleventh.getInputStream().read(head);
        assertThat(new String(head, 0, Math.max(n, 0), US_ASCII)).startsWith("HTTP/1.1 200");
      }
    } finally {
      for (SSLSocket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void w6_refusedUploadClosesTheConnection() throws Exception {
    assertRefusedUploadCloses("");
  }

  @Test
  void w6_refusedUploadSayingConnectionCloseClosesTheConnection() throws Exception {
    assertRefusedUploadCloses("Connection: close\r\n");
  }

  private void assertRefusedUploadCloses(String extraHeaders) throws Exception {
    try (SSLSocket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /engine-rest/process-definition HTTP/1.1\r\nHost: localhost\r\n"
                  + extraHeaders
                  + "Content-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n")
              .getBytes(US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      long start = System.nanoTime();
      int sent = 0;
      try {
        for (; sent < 64; sent++) {
          out.write(chunk);
        }
        out.flush();
      } catch (IOException closedWhileSending) {
        // The server stopped reading: what the test wants.
      }
      byte[] head = new byte[12];
      int n = socket.getInputStream().read(head);
      assertThat(new String(head, 0, Math.max(n, 0), StandardCharsets.US_ASCII))
          .startsWith("HTTP/1.1 413");
      assertThat(secondsUntilClosed(socket, start)).isLessThan(6);
    }
  }

  private static final java.nio.charset.Charset US_ASCII = StandardCharsets.US_ASCII;
}

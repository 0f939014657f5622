package io.bulwark.server.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A JSSE test client that accepts any server certificate and records the chain it was shown, so
 * that tests can assert on the presented certificate; for tests of the server's TLS only.
 */
final class TlsClient {

  private final List<X509Certificate> presented = new ArrayList<>();
  private final SSLContext context;

  TlsClient() throws GeneralSecurityException {
    context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new RecordingTrustManager()}, null);
  }

  /** The server certificate presented in the last handshake. */
  X509Certificate presentedCertificate() {
    return presented.get(presented.size() - 1);
  }

  /** The suites this client could offer for the protocol. */
  String[] supportedSuites() {
    return context.getSupportedSSLParameters().getCipherSuites();
  }

  /** Handshakes with the given protocol and suites; the session, or empty when refused. */
  Optional<SSLSession> handshake(int port, String protocol, String... suites) throws IOException {
    try (SSLSocket socket = open(port, protocol, suites)) {
      socket.startHandshake();
      return Optional.of(socket.getSession());
    } catch (javax.net.ssl.SSLException refused) {
      return Optional.empty();
    }
  }

  /** An open, not yet handshaken socket. */
  SSLSocket open(int port, String protocol, String... suites) throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
    socket.connect(new InetSocketAddress("localhost", port), 5000);
    socket.setSoTimeout(10_000);
    socket.setEnabledProtocols(new String[] {protocol});
    if (suites.length > 0) {
      socket.setEnabledCipherSuites(suites);
    }
    return socket;
  }

  /** Sends {@code GET /} over TLS and returns the status line. */
  String getStatusLine(int port) throws IOException {
    try (SSLSocket socket = open(port, "TLSv1.3")) {
      socket
          .getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return response.lines().findFirst().orElse("");
    }
  }

  private final class RecordingTrustManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      presented.add(chain[0]);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

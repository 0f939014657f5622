package io.bulwark.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Raw TLS connections to the loopback test server, for the connection limit tests (W6, E8). */
final class TlsConnections {

  private TlsConnections() {}

  /** A connection with its handshake done, reads timing out after 20 s. */
  static SSLSocket open(int port) throws IOException, GeneralSecurityException {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustAll()}, null);
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    socket.startHandshake();
    return socket;
  }

  /**
   * Seconds from {@code since} (a {@link System#nanoTime()}) until the server closes the connection
   * (read returns -1 or the socket resets); infinity when the read times out first.
   */
  static double secondsUntilClosed(SSLSocket socket, long since) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) >= 0) {
        // Drain any answer; the test waits for the end of the connection.
      }
    } catch (SocketTimeoutException e) {
      return Double.POSITIVE_INFINITY;
    } catch (IOException closedHard) {
      // A reset also ends the connection.
    }
    return (System.nanoTime() - since) / 1e9;
  }

  /** Tests only: the peer is the loopback test server with its generated certificate. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("server side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // Trusted: see the class comment.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

package io.bulwark.server.doctor.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A real TLS server on loopback for the probe tests, hardened or deliberately weak. It is written
 * on {@link javax.net.ssl.SSLSocket} rather than {@code com.sun.net.httpserver.HttpsServer} because
 * the weak variant must also answer plain HTTP on its TLS port (T1), and HttpsServer's own 400 page
 * names a Java exception, which the hardened variant must not do (W5).
 */
final class ProbeTestServer implements AutoCloseable {

  enum Kind {
    HARDENED,
    WEAK
  }

  private final Kind kind;
  private final ServerSocket server;
  private final SSLContext tls;
  private final SSLParameters parameters;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  private ProbeTestServer(Kind kind, SSLContext tls, SSLParameters parameters) throws IOException {
    this.kind = kind;
    this.tls = tls;
    this.parameters = parameters;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.submit(this::acceptLoop);
  }

  static ProbeTestServer hardened() throws Exception {
    SSLParameters p = new SSLParameters();
    p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    p.setCipherSuites(
        new String[] {
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
        });
    p.setUseCipherSuitesOrder(true);
    return new ProbeTestServer(
        Kind.HARDENED, TestCertificates.selfSigned(2048, Duration.ofDays(365)), p);
  }

  static ProbeTestServer weak() throws Exception {
    SSLParameters p = new SSLParameters();
    p.setProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
    p.setCipherSuites(
        new String[] {
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
        });
    return new ProbeTestServer(
        Kind.WEAK, TestCertificates.selfSigned(1024, Duration.ofDays(10)), p);
  }

  String url() {
    return "https://127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        pool.submit(() -> handle(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket socket) {
    try (socket) {
      socket.setSoTimeout(5_000);
      InputStream raw = socket.getInputStream();
      int first = raw.read();
      if (first < 0) {
        return;
      }
      byte[] consumed = {(byte) first};
      if (first == 0x16) {
        SSLSocket ssl =
            (SSLSocket)
                tls.getSocketFactory()
                    .createSocket(socket, new ByteArrayInputStream(consumed), true);
        ssl.setUseClientMode(false);
        ssl.setSSLParameters(parameters);
        try (ssl) {
          serve(ssl.getInputStream(), ssl.getOutputStream());
        }
      } else if (kind == Kind.WEAK) {
        serve(
            new SequenceInputStream(new ByteArrayInputStream(consumed), raw),
            socket.getOutputStream());
      }
    } catch (IOException e) {
      // The probe provokes failed handshakes on purpose; nothing to do.
    }
  }

  private void serve(InputStream in, OutputStream out) throws IOException {
    String head = readHead(in);
    String[] requestLine = head.split("\r\n", 2)[0].split(" ");
    String method = requestLine[0];
    String path = requestLine.length > 1 ? requestLine[1] : "/";
    String version = requestLine.length > 2 ? requestLine[2] : "";
    skipBody(head, in);
    byte[] answer =
        (kind == Kind.HARDENED
                ? TestAnswers.hardened(method, path)
                : TestAnswers.weak(method, path, version, head))
            .getBytes(StandardCharsets.ISO_8859_1);
    out.write(answer);
    out.flush();
  }

  /** Reads a Content-Length body, so that closing the socket does not reset the connection. */
  private static void skipBody(String head, InputStream in) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        long length = Long.parseLong(line.substring(15).trim());
        in.readNBytes((int) Math.min(length, 65_536));
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4 && head.size() < 16_384) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}

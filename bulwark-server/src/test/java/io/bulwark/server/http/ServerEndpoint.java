package io.bulwark.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * The running test server, reached over plain HTTP or HTTPS, whichever its connector speaks. The
 * HTTPS client trusts any certificate: the tests here are about the request path, not TLS, and the
 * server's certificate is a throwaway one generated for the test.
 */
public final class ServerEndpoint {

  private final String scheme;
  private final int port;

  private ServerEndpoint(String scheme, int port) {
    this.scheme = scheme;
    this.port = port;
  }

  /** The endpoint of the server in the test's application context. */
  public static ServerEndpoint of(ApplicationContext context) {
    TomcatWebServer server =
        (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
    String scheme = server.getTomcat().getConnector().getScheme();
    return new ServerEndpoint(scheme, server.getPort());
  }

  public URI uri(String path) {
    return URI.create(scheme + "://localhost:" + port + path);
  }

  /** A client that follows no redirects and sends no cookies back. */
  public HttpClient client() {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1);
    if ("https".equals(scheme)) {
      builder.sslContext(trustAll());
    }
    return builder.build();
  }

  /**
   * Sends bytes as they are (for paths and methods a client library would normalize) and reads the
   * answer until the connection closes. The request should carry {@code Connection: close}.
   */
  public RawResponse raw(byte[] request) throws IOException {
    try (Socket socket = open()) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        while (!complete(answer)) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          answer.write(buffer, 0, n);
        }
      } catch (java.net.SocketException ignored) {
        // The server may reset the connection after answering an oversized request.
      }
      return RawResponse.parse(answer.toString(StandardCharsets.ISO_8859_1));
    }
  }

  /** Whether the bytes hold a full answer with a Content-Length body. */
  private static boolean complete(ByteArrayOutputStream answer) {
    String text = answer.toString(StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    RawResponse head = RawResponse.parse(text);
    return head.header("Content-Length")
        .map(length -> text.length() >= end + 4 + Integer.parseInt(length))
        .orElse(false);
  }

  /** Sends a request line and headers; adds Host and Connection: close. */
  public RawResponse raw(String method, String target, String... headers) throws IOException {
    StringBuilder text =
        new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    text.append("Host: localhost:").append(port).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    text.append("Connection: close\r\n\r\n");
    return raw(text.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private Socket open() throws IOException {
    if ("https".equals(scheme)) {
      return trustAll().getSocketFactory().createSocket("localhost", port);
    }
    return new Socket("localhost", port);
  }

  private static SSLContext trustAll() {
    TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Test client only; never used for outgoing trust.
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // The test server's certificate is generated per run.
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {any}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

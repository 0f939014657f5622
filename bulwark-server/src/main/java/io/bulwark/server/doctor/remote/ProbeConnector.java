package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.DoctorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Opens probe connections to one target with bounded timeouts (5 s connect and read): TLS
 * handshakes with chosen protocols and suites, and raw HTTP requests over TLS or plain TCP.
 */
final class ProbeConnector {

  static final int TIMEOUT_MILLIS = 5_000;
  private static final int MAX_ANSWER_BYTES = 256 * 1024;

  private final ProbeTarget target;
  private final RecordingTrustManager trust = new RecordingTrustManager();
  private final SSLSocketFactory factory;

  ProbeConnector(ProbeTarget target) {
    this.target = target;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      this.factory = context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new DoctorException("no TLS client available in this JVM", e);
    }
  }

  /**
   * Lets this JVM offer the old protocols and weak suites the probe must try (T2, T3). Takes effect
   * only before the first TLS use in the JVM; the CLI calls it first thing. Never call it in a
   * serving JVM.
   */
  static void allowLegacyAlgorithmsForProbeOnly() {
    Security.setProperty("jdk.tls.disabledAlgorithms", "");
    Security.setProperty("jdk.certpath.disabledAlgorithms", "");
  }

  ProbeTarget target() {
    return target;
  }

  /** The certificate chain of the last handshake, leaf first. */
  List<X509Certificate> lastChain() {
    return trust.lastChain();
  }

  /** The suites this JVM can offer. */
  List<String> supportedSuites() {
    return List.of(factory.getSupportedCipherSuites());
  }

  /** Tries one handshake; null {@code suites} means this JVM's defaults. */
  Handshake handshake(String[] protocols, String @Nullable [] suites) {
    String offered = String.join(",", protocols);
    try (SSLSocket socket = open()) {
      try {
        socket.setEnabledProtocols(protocols);
        if (suites != null) {
          socket.setEnabledCipherSuites(suites);
        }
      } catch (IllegalArgumentException e) {
        return new Handshake(Handshake.Outcome.NOT_OFFERED, offered, "");
      }
      socket.startHandshake();
      SSLSession session = socket.getSession();
      return new Handshake(
          Handshake.Outcome.ACCEPTED, session.getProtocol(), session.getCipherSuite());
    } catch (SSLHandshakeException e) {
      // JSSE fails before sending anything when it cannot offer what was asked.
      String message = String.valueOf(e.getMessage());
      return message.startsWith("No appropriate protocol")
          ? new Handshake(Handshake.Outcome.NOT_OFFERED, offered, "")
          : new Handshake(Handshake.Outcome.REFUSED, offered, "");
    } catch (IOException e) {
      return new Handshake(Handshake.Outcome.REFUSED, offered, "");
    }
  }

  /** What a server does when the client asks to renegotiate a TLS 1.2 connection. */
  enum Renegotiation {
    /** Refused with a TLS alert or by closing the connection. */
    REFUSED,
    /** Renegotiated. */
    COMPLETED,
    /** Neither answered nor refused within the read timeout. */
    NO_ANSWER,
    /** No TLS 1.2 connection to begin with. */
    NOT_TESTED
  }

  /**
   * Opens a TLS 1.2 connection and starts a second handshake from the client side, as {@code
   * openssl s_client}'s {@code R} command does, then waits for the server's answer: JSSE returns
   * from the second {@code startHandshake} at once, so the answer arrives with the next read.
   */
  Renegotiation renegotiate() {
    try (SSLSocket socket = open()) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      try {
        socket.startHandshake();
      } catch (IOException e) {
        return Renegotiation.NOT_TESTED;
      }
      AtomicBoolean renegotiated = new AtomicBoolean();
      socket.addHandshakeCompletedListener(done -> renegotiated.set(true));
      try {
        socket.startHandshake();
        socket.getInputStream().read();
        return renegotiated.get() ? Renegotiation.COMPLETED : Renegotiation.REFUSED;
      } catch (SocketTimeoutException e) {
        return renegotiated.get() ? Renegotiation.COMPLETED : Renegotiation.NO_ANSWER;
      } catch (IOException e) {
        return Renegotiation.REFUSED;
      }
    } catch (IOException e) {
      return Renegotiation.NOT_TESTED;
    }
  }

  /** Sends a raw request over TLS (this JVM's default protocols) and reads the answer. */
  HttpAnswer tls(String label, String rawRequest) {
    try (SSLSocket socket = open()) {
      socket.startHandshake();
      return exchange(socket, label, rawRequest);
    } catch (IOException e) {
      return new HttpAnswer(label, -1, java.util.Map.of(), "");
    }
  }

  /** Sends a raw request over plain TCP to the TLS port (T1) and reads the answer. */
  HttpAnswer plain(String label, String rawRequest) {
    try (Socket socket = connect()) {
      return exchange(socket, label, rawRequest);
    } catch (IOException e) {
      return new HttpAnswer(label, -1, java.util.Map.of(), "");
    }
  }

  /** A GET request with the headers every probe request carries. */
  String get(String path, String accept) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: "
        + target.authority()
        + "\r\nUser-Agent: bulwark-doctor\r\nAccept: "
        + accept
        + "\r\nConnection: close\r\n\r\n";
  }

  private SSLSocket open() throws IOException {
    Socket plain = connect();
    try {
      SSLSocket socket =
          (SSLSocket) factory.createSocket(plain, target.host(), target.port(), true);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      return socket;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(target.host(), target.port()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static HttpAnswer exchange(Socket socket, String label, String rawRequest)
      throws IOException {
    socket.getOutputStream().write(rawRequest.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while (answer.size() < MAX_ANSWER_BYTES && (n = in.read(buffer)) > 0) {
        answer.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | javax.net.ssl.SSLException ignored) {
      // A server that keeps the connection open or resets it: judge what arrived so far.
    } catch (IOException e) {
      if (answer.size() == 0) {
        throw e;
      }
    }
    return HttpAnswer.parse(label, answer.toString(StandardCharsets.ISO_8859_1));
  }
}

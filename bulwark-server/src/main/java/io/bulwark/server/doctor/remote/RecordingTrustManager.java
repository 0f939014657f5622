package io.bulwark.server.doctor.remote;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server certificate and remembers the chain, so that the probe can connect to a
 * self-signed or expired server and judge its certificate itself (T4). Used by the probe only,
 * never for a connection that carries data. Being an {@link X509ExtendedTrustManager}, JSSE adds no
 * host name check: the probe does not verify host names, and says so in its report.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

  private volatile List<X509Certificate> lastChain = List.of();

  /** The chain of the last handshake, leaf first; empty before the first one. */
  List<X509Certificate> lastChain() {
    return lastChain;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    lastChain = List.of(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    lastChain = List.of(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    lastChain = List.of(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the probe is a client only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("the probe is a client only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("the probe is a client only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}

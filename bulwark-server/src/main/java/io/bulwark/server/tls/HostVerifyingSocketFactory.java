package io.bulwark.server.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A client socket factory whose TLS sockets check the server's host name against its certificate in
 * the handshake (the JDK's endpoint identification, strict: an IP address must be in the
 * certificate as an IP address, no reverse lookup) and speak only TLS 1.3 and 1.2 (T2, T7). For
 * protocol libraries that take a socket factory, such as the LDAP SDK.
 */
public final class HostVerifyingSocketFactory extends SSLSocketFactory {

  private final SSLSocketFactory delegate;
  private final String algorithm;

  /**
   * @param algorithm the JDK endpoint identification algorithm: {@code "LDAPS"} or {@code "HTTPS"}
   */
  public HostVerifyingSocketFactory(SSLSocketFactory delegate, String algorithm) {
    this.delegate = delegate;
    this.algorithm = algorithm;
  }

  private Socket verifying(Socket socket) {
    if (socket instanceof SSLSocket tls) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm(algorithm);
      parameters.setProtocols(OutboundTrust.PROTOCOLS.toArray(String[]::new));
      tls.setSSLParameters(parameters);
    }
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return verifying(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    return verifying(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return verifying(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return verifying(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return verifying(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return verifying(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}

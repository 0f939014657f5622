package io.bulwark.server.tls;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import org.apache.tomcat.util.net.SSLContext;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.SSLUtil;
import org.apache.tomcat.util.net.jsse.JSSEImplementation;
import org.apache.tomcat.util.net.jsse.JSSEUtil;

/**
 * Tomcat's JSSE implementation with one change: its engines are {@link
 * RenegotiationRefusingEngine}s, so that a client-initiated renegotiation gets an alert instead of
 * silence (T2). Named on the connector by {@link TlsServerCustomizer}.
 */
public final class RenegotiationRefusingImplementation extends JSSEImplementation {

  @Override
  public SSLUtil getSSLUtil(SSLHostConfigCertificate certificate) {
    return new JSSEUtil(certificate) {
      @Override
      public SSLContext createSSLContextInternal(List<String> negotiableProtocols)
          throws NoSuchAlgorithmException {
        return new RefusingContext(super.createSSLContextInternal(negotiableProtocols));
      }
    };
  }

  /** Tomcat's context, handing out wrapped engines. */
  private record RefusingContext(SSLContext context) implements SSLContext {

    @Override
    public SSLEngine createSSLEngine() {
      return new RenegotiationRefusingEngine(context.createSSLEngine());
    }

    @Override
    public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom sr)
        throws KeyManagementException {
      context.init(kms, tms, sr);
    }

    @Override
    public void destroy() {
      context.destroy();
    }

    @Override
    public SSLSessionContext getServerSessionContext() {
      return context.getServerSessionContext();
    }

    @Override
    public SSLServerSocketFactory getServerSocketFactory() {
      return context.getServerSocketFactory();
    }

    @Override
    public SSLParameters getSupportedSSLParameters() {
      return context.getSupportedSSLParameters();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return context.getCertificateChain(alias);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return context.getAcceptedIssuers();
    }
  }
}

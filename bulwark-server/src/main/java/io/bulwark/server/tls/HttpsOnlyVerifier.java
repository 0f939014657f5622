package io.bulwark.server.tls;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops the start when the web server has any connector without TLS (T1): no listener may serve
 * plain HTTP, whatever another component added.
 */
public final class HttpsOnlyVerifier implements ApplicationListener<WebServerInitializedEvent> {

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
      throw new TlsConfigurationException(
          "unsupported web server " + event.getWebServer().getClass().getSimpleName() + " (T1)");
    }
    for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
      if (!(connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http)
          || !http.isSSLEnabled()) {
        throw new TlsConfigurationException(
            "connector on port " + connector.getPort() + " does not use TLS; refusing (T1)");
      }
    }
  }
}

package io.bulwark.server.http;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Tomcat settings of the request path (W4, W6), applied after Spring Boot's own customizer so they
 * win: no {@code Server} header (also removed when an application sets one), Tomcat's last-resort
 * error answer replaced by {@link ProblemErrorReportValve}, the header size limit of {@link
 * FirewallSettings}, and Tomcat's own body and parameter limits aligned with it. TRACE is let
 * through to the firewall, which refuses it with a problem answer and the security headers (Tomcat
 * would answer a bare 405); the firewall refuses every method outside its allowlist. Connections
 * ({@link ConnectionSettings}): a read timeout, a keep-alive timeout, a cap on open connections, a
 * deadline for the request line and headers however slowly they come ({@link
 * HeaderDeadlineProtocol}), and no reading past a refused upload of more than 64 KiB.
 */
public final class TomcatHardeningCustomizer
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final FirewallSettings settings;
  private final ConnectionSettings connections;

  public TomcatHardeningCustomizer(FirewallSettings settings, ConnectionSettings connections) {
    this.settings = settings;
    this.connections = connections;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.setProtocol(HeaderDeadlineProtocol.class.getName());
    factory.addConnectorCustomizers(
        connector -> {
          connector.setAllowTrace(true);
          connector.setXpoweredBy(false);
          connector.setMaxParameterCount(settings.maxParameters());
          connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()));
          ProtocolHandler handler = connector.getProtocolHandler();
          if (handler instanceof AbstractHttp11Protocol<?> http) {
            http.setServer(null);
            http.setServerRemoveAppProvidedValues(true);
            http.setMaxHttpRequestHeaderSize(settings.maxHeaderBytes());
            http.setConnectionTimeout(millis(connections.readTimeout()));
            http.setKeepAliveTimeout(millis(connections.keepAliveTimeout()));
            http.setMaxConnections(connections.maxConnections());
            if (http instanceof HeaderDeadlineProtocol deadline) {
              deadline.setHeaderTimeout(connections.headerTimeout());
            }
            // A refused upload is not read to its end: the connection closes instead (W6).
            http.setMaxSwallowSize(MAX_SWALLOW_BYTES);
          }
        });
    factory.addContextCustomizers(context -> hideServerInfo(context.getParent()));
  }

  /** Body bytes Tomcat reads past a refused request to keep the connection; beyond, it closes. */
  static final int MAX_SWALLOW_BYTES = 64 * 1024;

  private static int millis(java.time.Duration d) {
    return (int) d.toMillis();
  }

  /** Puts {@link ProblemErrorReportValve} in place of every other error report valve. */
  private static void hideServerInfo(Container host) {
    if (host == null) {
      return;
    }
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
        host.getPipeline().removeValve(valve);
      }
    }
    if (host instanceof StandardHost standard) {
      standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
    }
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ProblemErrorReportValve) {
        return;
      }
    }
    host.getPipeline().addValve(new ProblemErrorReportValve());
  }
}

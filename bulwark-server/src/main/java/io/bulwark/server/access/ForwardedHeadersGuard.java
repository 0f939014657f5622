package io.bulwark.server.access;

import java.util.Locale;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps client addresses the TCP peer's (W7): the service group allowlists decide on {@code
 * getRemoteAddr}, which Spring Boot's proxy support would take from {@code X-Forwarded-For} or
 * {@code Forwarded}, headers any client can forge. {@code application.properties} sets {@value
 * #PROPERTY} to {@code none} (which also stops Spring Boot from switching it on when it detects a
 * cloud platform such as Kubernetes); any other value, or a {@link RemoteIpValve} added otherwise,
 * refuses to start.
 */
@Component
public final class ForwardedHeadersGuard
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  /** Spring Boot's setting for proxy headers. */
  public static final String PROPERTY = "server.forward-headers-strategy";

  private final Environment environment;

  public ForwardedHeadersGuard(Environment environment) {
    this.environment = environment;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    String strategy = environment.getProperty(PROPERTY, "none");
    if (!"none".equals(strategy.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalStateException(
          "invalid "
              + PROPERTY
              + "="
              + strategy
              + "; must be none: client addresses are the TCP peer's, forwarding headers can be"
              + " forged (W7)");
    }
    if (factory.getEngineValves().stream().anyMatch(RemoteIpValve.class::isInstance)) {
      throw new IllegalStateException(
          "a RemoteIpValve is configured; client addresses must be the TCP peer's (W7)");
    }
  }
}

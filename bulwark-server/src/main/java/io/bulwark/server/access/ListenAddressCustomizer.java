package io.bulwark.server.access;

import io.bulwark.server.http.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Binds the web server to the {@link ListenAddress} (W7): loopback by default. Runs after Spring
 * Boot's own customizer, so {@code server.address} cannot widen it; {@code bulwark.http.address} is
 * the one setting. Logs the address and why.
 */
@Component
public final class ListenAddressCustomizer
    implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(ListenAddressCustomizer.class);

  private final ConnectionSettings connections;
  private final ServiceGroupSettings groups;

  public ListenAddressCustomizer(ConnectionSettings connections, ServiceGroupSettings groups) {
    this.connections = connections;
    this.groups = groups;
  }

  @Override
  public void customize(ConfigurableWebServerFactory factory) {
    ListenAddress listen = ListenAddress.choose(connections.address(), groups);
    factory.setAddress(listen.address().orElse(null));
    LOG.info("Listening on {}: {} (W7)", listen.describe(), listen.reason());
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

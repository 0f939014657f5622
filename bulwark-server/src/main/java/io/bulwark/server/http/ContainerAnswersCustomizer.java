package io.bulwark.server.http;

import org.apache.catalina.Lifecycle;
import org.apache.coyote.ProtocolHandler;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Keeps Tomcat from answering on its own where a client chooses what it says (W5, W6, W13): {@code
 * OPTIONS *} goes through the request path ({@link AsteriskFormAdapter}), and redirects stay
 * relative, so that a {@code Location} header never carries the request's {@code Host} header.
 */
final class ContainerAnswersCustomizer
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(
        connector ->
            // Tomcat creates its adapter when the connector initializes; ours wraps it then.
            connector.addLifecycleListener(
                event -> {
                  if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                    ProtocolHandler handler = connector.getProtocolHandler();
                    if (!(handler.getAdapter() instanceof AsteriskFormAdapter)) {
                      handler.setAdapter(new AsteriskFormAdapter(handler.getAdapter()));
                    }
                  }
                }));
    factory.addContextCustomizers(context -> context.setUseRelativeRedirects(true));
  }
}

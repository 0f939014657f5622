package io.bulwark.server;

import io.bulwark.server.tls.TlsRenegotiation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot application that serves the web apps, the integration API and the internal
 * services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BulwarkServerApplication {

  /** Starts the server with the given Spring Boot arguments; returns the running context. */
  public static ConfigurableApplicationContext start(String... args) {
    // Before any TLS class loads (the JDK reads it once).
    TlsRenegotiation.rejectClientInitiated();
    return SpringApplication.run(BulwarkServerApplication.class, args);
  }
}

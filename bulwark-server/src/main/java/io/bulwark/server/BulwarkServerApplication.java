package io.bulwark.server;

import io.bulwark.server.tls.TlsJvmSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot application that serves the web apps, the integration API and the internal
 * services.
 */
// No generated default user or password (A2); errors are rendered by our own /error (W5).
@SpringBootApplication(
    exclude = {UserDetailsServiceAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConfigurationPropertiesScan
public class BulwarkServerApplication {

  /** Starts the server with the given Spring Boot arguments; returns the running context. */
  public static ConfigurableApplicationContext start(String... args) {
    // Before any TLS class loads (the JDK reads it once).
    TlsJvmSettings.apply();
    return SpringApplication.run(BulwarkServerApplication.class, args);
  }
}

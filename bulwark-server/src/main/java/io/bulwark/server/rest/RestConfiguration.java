package io.bulwark.server.rest;

import io.bulwark.server.access.IntegrationApiGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The guards of the integration API chain that belong to the REST resources: first the one-time
 * password gate (A2), then the interim administrator guard (until Z2 is enforced by the engine).
 */
@Configuration(proxyBeanMethods = false)
class RestConfiguration {

  @Bean
  @Order(1)
  IntegrationApiGuard oneTimePasswordGate() {
    OneTimePasswordGate gate = new OneTimePasswordGate();
    return () -> gate;
  }

  @Bean
  @Order(2)
  IntegrationApiGuard interimAdministratorGuard() {
    InterimAdministratorGuard guard = new InterimAdministratorGuard();
    return () -> guard;
  }
}

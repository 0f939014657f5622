package io.bulwark.server.auth;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.auth.AuthEventLog.Channel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The authentication beans other packages use. {@link #apiAuthenticationProvider} is the only
 * {@code AuthenticationProvider} bean: the integration API's Basic authentication uses it, and its
 * presence keeps Spring Boot from creating a default user with a generated password (A2).
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

  /** Checks passwords for the API; refuses disabled users and users with a one-time password. */
  @Bean
  IdentityAuthenticationProvider apiAuthenticationProvider(
      BulwarkEngine engine, AuthEventLog events) {
    return new IdentityAuthenticationProvider(engine.identityService(), events, Channel.API);
  }

  @Bean
  PasswordChanger passwordChanger(BulwarkEngine engine, AuthEventLog events) {
    return new PasswordChanger(engine.identityService(), events, new SessionAuthentication());
  }
}

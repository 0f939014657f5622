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

  /**
   * Checks passwords for the API behind the login throttle (A5); refuses disabled users and users
   * with a one-time password.
   */
  @Bean
  ThrottledAuthenticationProvider apiAuthenticationProvider(
      BulwarkEngine engine, AuthEventLog events) {
    return throttled(engine, events, Channel.API);
  }

  /** The password check of a channel behind the login throttle (A5). */
  static ThrottledAuthenticationProvider throttled(
      BulwarkEngine engine, AuthEventLog events, Channel channel) {
    return new ThrottledAuthenticationProvider(
        new IdentityAuthenticationProvider(engine.identityService(), events, channel),
        engine.loginThrottleService(),
        engine.identityService(),
        events,
        channel);
  }

  @Bean
  PasswordChanger passwordChanger(BulwarkEngine engine, AuthEventLog events) {
    return new PasswordChanger(engine.identityService(), events, new SessionAuthentication());
  }
}

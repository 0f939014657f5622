package io.bulwark.server.auth;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.auth.AuthEventLog.Channel;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * The authentication beans other packages use. {@link #apiAuthenticationProvider} is the only
 * {@code AuthenticationProvider} bean: the integration API's Basic authentication uses it, and its
 * presence keeps Spring Boot from creating a default user with a generated password (A2).
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

  /**
   * Checks passwords for the API behind the login throttle (A5); refuses disabled users and users
   * with a one-time password. Verified credentials are remembered briefly ({@link
   * BasicCredentialCache}), re-checked against the user's revision on every request (A10).
   */
  @Bean
  BasicCredentialCache apiAuthenticationProvider(
      BulwarkEngine engine,
      AuthEventLog events,
      PasswordCheckLimiter passwordChecks,
      BasicCacheSettings cacheSettings) {
    return new BasicCredentialCache(
        passwordChecks.guard(throttled(engine, events, Channel.API)),
        engine.identityService(),
        cacheSettings,
        Clock.systemUTC());
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

  /** The one bound on concurrent password checks, shared by the web apps and the APIs (E8). */
  @Bean
  PasswordCheckLimiter passwordCheckLimiter(PasswordCheckSettings settings) {
    return new PasswordCheckLimiter(settings);
  }

  /** Counts live sessions for {@link SessionLimitSettings#maxTotal()} (E8). */
  @Bean
  SessionCounter sessionCounter() {
    return new SessionCounter();
  }

  /** Tells Spring Security's session registry of ended sessions (per-user cap, E8). */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  /** The web sessions registered in the database, for every node and the profile page (A10). */
  @Bean
  UserSessions userSessions(BulwarkEngine engine, SessionSettings settings) {
    return new UserSessions(engine.sessionService(), settings.lastUsedInterval());
  }

  @Bean
  OwnAccount ownAccount(BulwarkEngine engine, AuthEventLog events, UserSessions sessions) {
    return new OwnAccount(engine.identityService(), events, sessions);
  }

  @Bean
  PasswordChanger passwordChanger(BulwarkEngine engine, AuthEventLog events) {
    return new PasswordChanger(engine.identityService(), events, new SessionAuthentication());
  }
}

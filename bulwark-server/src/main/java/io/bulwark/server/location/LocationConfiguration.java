package io.bulwark.server.location;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.access.AccessConfiguration;
import io.bulwark.server.auth.AuthEventLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The location rules' beans (Z4): the authorization manager that the service groups' chains apply
 * (in a servlet web application only) and the doctor check, which {@code doctor}'s local mode runs
 * too.
 */
@Configuration(proxyBeanMethods = false)
class LocationConfiguration {

  @Bean(AccessConfiguration.LOCATION_RULES)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  AuthorizationManager<RequestAuthorizationContext> locationRuleAuthorizationManager(
      BulwarkEngine engine, AuthEventLog events) {
    return new LocationRuleAuthorizationManager(
        new LocationRuleCache(engine.locationRuleService()), events);
  }

  @Bean
  Z4LocationRulesCheck locationRulesCheck(BulwarkEngine engine) {
    return new Z4LocationRulesCheck(engine.locationRuleService());
  }
}

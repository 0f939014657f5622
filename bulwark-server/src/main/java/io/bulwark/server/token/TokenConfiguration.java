package io.bulwark.server.token;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.access.IntegrationApiAuthentication;
import io.bulwark.server.access.ProblemAuthenticationEntryPoint;
import io.bulwark.server.auth.AuthEventLog;
import jakarta.servlet.Filter;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Puts the bearer token filter into the integration API chain (A9). Only in a servlet web
 * application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TokenConfiguration {

  @Bean
  IntegrationApiAuthentication bearerTokenAuthentication(
      BulwarkEngine engine, AuthEventLog events) {
    BearerTokenFilter filter = new BearerTokenFilter(engine.accessTokenService(), events);
    return new IntegrationApiAuthentication() {
      @Override
      public Filter filter() {
        return filter;
      }

      @Override
      public Map<String, AuthenticationEntryPoint> entryPoints() {
        OAuthEntryPoint oauth = new OAuthEntryPoint();
        return Map.of(AccessTokenController.PATH, oauth, TokenRevocationController.PATH, oauth);
      }

      @Override
      public String challenge() {
        return "Bearer realm=\"" + ProblemAuthenticationEntryPoint.REALM + "\"";
      }
    };
  }
}

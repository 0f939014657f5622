package io.bulwark.server.token;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.access.IntegrationApiAuthentication;
import io.bulwark.server.access.ProblemAuthenticationEntryPoint;
import io.bulwark.server.auth.AuthEventLog;
import jakarta.servlet.Filter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Puts the bearer token filter into the integration API chain (A9) and logs at start when tokens
 * are not bound to their client address. Only in a servlet web application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TokenConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(TokenConfiguration.class);

  @Bean
  IntegrationApiAuthentication bearerTokenAuthentication(
      BulwarkEngine engine, AuthEventLog events, ApiTokenSettings settings) {
    if (settings.allowInsecureUnboundTokens()) {
      LOG.warn(
          "bulwark.api.allow-insecure-unbound-tokens=true: access tokens are not bound to the"
              + " client address they were issued to, so a stolen token works from anywhere (A9);"
              + " doctor reports WARN");
    }
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

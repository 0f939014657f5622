package io.bulwark.server.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The integration API's request rate limits (W14): the first guard after authentication, unless
 * switched off with {@code bulwark.api.rate-limit.allow-insecure-off}, which is logged here and a
 * doctor FAIL.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimitConfiguration.class);

  @Bean
  @Order(0)
  IntegrationApiGuard apiRateLimits(ApiRateLimitSettings settings) {
    if (settings.allowInsecureOff()) {
      LOG.warn(
          "bulwark.api.rate-limit.allow-insecure-off=true: the integration API has no request"
              + " rate limits (W14); doctor reports FAIL");
      return () -> (request, response, chain) -> chain.doFilter(request, response);
    }
    ApiRateLimitFilter filter =
        new ApiRateLimitFilter(
            new RateLimiter(settings.perPrincipal(), System::nanoTime),
            new RateLimiter(settings.perAddress(), System::nanoTime));
    return () -> filter;
  }
}

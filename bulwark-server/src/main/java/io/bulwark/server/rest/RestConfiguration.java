package io.bulwark.server.rest;

import io.bulwark.server.access.IntegrationApiGuard;
import io.bulwark.server.rest.variable.VariableJson;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The guards of the integration API chain that belong to the REST resources: first the one-time
 * password gate (A2), then the interim administrator guard (until Z2 is enforced by the engine);
 * the nesting limit of JSON request bodies (W6, W11); and the refusal of unknown query parameters
 * (W11).
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

  /**
   * JSON request bodies nest at most {@value #MAX_BODY_DEPTH} deep (W6): room for a variable's JSON
   * value ({@link VariableJson#MAX_JSON_DEPTH}) inside the envelope of any Camunda request.
   */
  static final int MAX_BODY_DEPTH = VariableJson.MAX_JSON_DEPTH + 8;

  /** Unknown or repeated query parameters are refused on every integration API handler (W11). */
  @Bean
  WebMvcConfigurer queryParameterCheck() {
    QueryParameterCheck check = new QueryParameterCheck();
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(check).addPathPatterns(RestPaths.BASE + "/**");
      }
    };
  }

  @Bean
  JsonFactoryBuilderCustomizer requestJsonDepthLimit() {
    return factory ->
        factory.streamReadConstraints(
            tools.jackson.core.StreamReadConstraints.builder()
                .maxNestingDepth(MAX_BODY_DEPTH)
                .build());
  }
}

package io.bulwark.bench.camundarest;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Camunda 7.24 as its users serve it: the Spring Boot REST starter under {@code /engine-rest},
 * every request authenticated by Camunda's own HTTP Basic filter. The launcher ({@code
 * bench-rest}'s {@code CamundaServer}) passes HTTPS (a throwaway self-signed key store), the
 * database, {@code camunda.bpm.authorization.enabled=true} and the administrator as Spring Boot
 * properties.
 */
@SpringBootApplication
public class CamundaRestServer {

  /**
   * Starts the server.
   *
   * @param args Spring Boot arguments ({@code --server.port=...} and so on)
   */
  public static void main(String[] args) {
    SpringApplication.run(CamundaRestServer.class, args);
  }

  /**
   * Camunda's REST authentication filter with its HTTP Basic provider, as Camunda's documentation
   * configures it for the Spring Boot starter.
   *
   * @return the filter registration for {@code /engine-rest/*}
   */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}

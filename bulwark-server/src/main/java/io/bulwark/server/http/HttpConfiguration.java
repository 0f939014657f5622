package io.bulwark.server.http;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the first filters of the request path, in this order, all before Spring Security:
 * correlation ID, security headers (W3), request firewall (W6); then the service group gate of the
 * {@code access} package (W7). Also registers {@code /error} as the container's error page (W5).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HttpConfiguration {

  /** Filter order of the correlation ID filter. */
  public static final int CORRELATION_ORDER = Ordered.HIGHEST_PRECEDENCE;

  /** Filter order of the security headers filter. */
  public static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

  /** Filter order of the request firewall. */
  public static final int FIREWALL_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  /** Filter order of the service group gate, right after the firewall. */
  public static final int GATE_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

  @Bean
  FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
    FilterRegistrationBean<CorrelationIdFilter> bean =
        new FilterRegistrationBean<>(new CorrelationIdFilter());
    bean.setOrder(CORRELATION_ORDER);
    bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    return bean;
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeadersFilter> bean =
        new FilterRegistrationBean<>(new SecurityHeadersFilter());
    bean.setOrder(HEADERS_ORDER);
    bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    return bean;
  }

  @Bean
  FilterRegistrationBean<RequestFirewallFilter> requestFirewallFilter(FirewallSettings settings) {
    FilterRegistrationBean<RequestFirewallFilter> bean =
        new FilterRegistrationBean<>(new RequestFirewallFilter(settings));
    bean.setOrder(FIREWALL_ORDER);
    bean.setDispatcherTypes(DispatcherType.REQUEST);
    return bean;
  }

  @Bean
  TomcatHardeningCustomizer tomcatHardeningCustomizer(
      FirewallSettings settings, ConnectionSettings connections) {
    return new TomcatHardeningCustomizer(settings, connections);
  }

  @Bean
  ContainerAnswersCustomizer containerAnswersCustomizer() {
    return new ContainerAnswersCustomizer();
  }

  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> errorPageCustomizer() {
    return factory -> factory.addErrorPages(new ErrorPage(ErrorPageController.PATH));
  }
}

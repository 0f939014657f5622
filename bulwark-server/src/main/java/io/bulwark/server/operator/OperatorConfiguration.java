package io.bulwark.server.operator;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.access.ProblemAccessDeniedHandler;
import io.bulwark.server.access.ProblemAuthenticationEntryPoint;
import io.bulwark.server.access.SecurityChainOrder;
import io.bulwark.server.access.ServiceGroupSettings;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.config.ServerSettings;
import io.bulwark.server.http.ProblemType;
import io.bulwark.server.tls.ServerCertificates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The operator's actions (in every context, {@code bulwark admin} offline too), and in the server
 * the admin channel: its file, its own stateless security chain under {@code /internal/admin/**}
 * ahead of the internal services' chain (the channel secret only, no user credential; W7, A1), and
 * its doctor check.
 */
@Configuration(proxyBeanMethods = false)
class OperatorConfiguration {

  @Bean
  OperatorActions operatorActions(BulwarkEngine engine, AuthEventLog events) {
    return new OperatorActions(engine, events);
  }

  @Bean
  W7AdminChannelCheck w7AdminChannelCheck(ServerSettings server) {
    return new W7AdminChannelCheck(server.dataDir());
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  AdminChannel adminChannel(
      ServerSettings server,
      ServiceGroupSettings groups,
      ServerCertificates certificates,
      Environment environment) {
    return new AdminChannel(server, groups, certificates, environment);
  }

  @Bean
  @Order(SecurityChainOrder.ADMIN_CHANNEL)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  SecurityFilterChain adminChannelChain(
      HttpSecurity http, AdminChannel channel, AuthEventLog events) throws Exception {
    return http.securityMatcher(AdminChannelController.PATH + "/**")
        .addFilterBefore(new AdminChannelFilter(channel, events), AuthorizationFilter.class)
        .authorizeHttpRequests(
            authorize -> authorize.anyRequest().hasAuthority(AdminChannelFilter.AUTHORITY))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> anonymous.disable())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                    .accessDeniedHandler(new ProblemAccessDeniedHandler(ProblemType.FORBIDDEN)))
        .build();
  }
}

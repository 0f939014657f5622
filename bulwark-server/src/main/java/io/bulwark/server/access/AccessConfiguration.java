package io.bulwark.server.access;

import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.HttpConfiguration;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.DispatcherType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The service group gate (W7) and the Spring Security chains of the integration API and the
 * internal services (A1, W2): HTTP Basic, and on the integration API the {@link
 * IntegrationApiAuthentication} beans (bearer access tokens, A9), followed by the {@link
 * IntegrationApiGuard} beans once a request is authenticated, and the location rules (Z4);
 * stateless, no cookies, CSRF off because no cookie authenticates these requests, headers left to
 * our own filter (W3). A catch-all chain denies everything the chains before it do not match,
 * answering 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class AccessConfiguration {

  /**
   * The bean name of the location rules' authorization manager (Z4), which every service group's
   * chain applies after authentication.
   */
  public static final String LOCATION_RULES = "locationRuleAuthorizationManager";

  @Bean
  FilterRegistrationBean<ServiceGroupGate> serviceGroupGate(ServiceGroupSettings settings) {
    FilterRegistrationBean<ServiceGroupGate> bean =
        new FilterRegistrationBean<>(new ServiceGroupGate(settings));
    bean.setOrder(HttpConfiguration.GATE_ORDER);
    bean.setDispatcherTypes(DispatcherType.REQUEST);
    return bean;
  }

  /**
   * The authentication of the API chains: the {@link AuthenticationProvider} beans (the identity
   * provider plugs in here); while there is none, every credential is refused. No user is ever
   * created here (A2).
   */
  static AuthenticationManager apiAuthenticationManager(
      ObjectProvider<AuthenticationProvider> providers) {
    List<AuthenticationProvider> list = providers.orderedStream().toList();
    if (list.isEmpty()) {
      return authentication -> {
        throw new BadCredentialsException("no identity provider is configured");
      };
    }
    return new ProviderManager(list);
  }

  @Bean
  @Order(SecurityChainOrder.INTEGRATION_API)
  SecurityFilterChain integrationApiChain(
      HttpSecurity http,
      ObjectProvider<AuthenticationProvider> providers,
      ObjectProvider<IntegrationApiAuthentication> otherAuthentication,
      ObjectProvider<IntegrationApiGuard> guards,
      @Qualifier(LOCATION_RULES) AuthorizationManager<RequestAuthorizationContext> locationRules)
      throws Exception {
    List<IntegrationApiAuthentication> others = otherAuthentication.orderedStream().toList();
    others.forEach(other -> http.addFilterBefore(other.filter(), BasicAuthenticationFilter.class));
    guards
        .orderedStream()
        .forEach(guard -> http.addFilterAfter(guard.filter(), BasicAuthenticationFilter.class));
    List<String> challenges = others.stream().map(IntegrationApiAuthentication::challenge).toList();
    AuthenticationEntryPoint problem = new ProblemAuthenticationEntryPoint(challenges);
    Map<String, AuthenticationEntryPoint> byPath = new HashMap<>();
    others.forEach(other -> byPath.putAll(other.entryPoints()));
    // A request refused at a bound (E8, W14) gets 429 on every path, the token endpoints too.
    AuthenticationEntryPoint entryPoint =
        (request, response, failure) ->
            (failure instanceof BusyAuthenticationException
                    ? problem
                    : byPath.getOrDefault(request.getRequestURI(), problem))
                .commence(request, response, failure);
    return statelessBasicChain(
        http, ServiceGroup.INTEGRATION_API, providers, entryPoint, locationRules);
  }

  @Bean
  @Order(SecurityChainOrder.INTERNAL)
  SecurityFilterChain internalChain(
      HttpSecurity http,
      ObjectProvider<AuthenticationProvider> providers,
      @Qualifier(LOCATION_RULES) AuthorizationManager<RequestAuthorizationContext> locationRules)
      throws Exception {
    return statelessBasicChain(
        http,
        ServiceGroup.INTERNAL,
        providers,
        new ProblemAuthenticationEntryPoint(),
        locationRules);
  }

  private static SecurityFilterChain statelessBasicChain(
      HttpSecurity http,
      ServiceGroup group,
      ObjectProvider<AuthenticationProvider> providers,
      AuthenticationEntryPoint entryPoint,
      AuthorizationManager<RequestAuthorizationContext> locationRules)
      throws Exception {
    http.securityMatcher(group.pathPattern())
        .authenticationManager(apiAuthenticationManager(providers))
        // An ASYNC dispatch resumes a request that was authorized when it began (a long poll,
        // fetchAndLock); it carries no new input to check. Every other request meets the location
        // rules (Z4) and needs a signed-in caller: no endpoint of these groups is anonymous, so a
        // rule can narrow access here but never open it to anonymous callers.
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .dispatcherTypeMatchers(DispatcherType.ASYNC)
                    .permitAll()
                    .anyRequest()
                    .access(
                        AuthorizationManagers.allOf(
                            locationRules, AuthenticatedAuthorizationManager.authenticated())))
        .httpBasic(
            basic ->
                basic
                    .realmName(ProblemAuthenticationEntryPoint.REALM)
                    .authenticationEntryPoint(entryPoint))
        .anonymous(anonymous -> anonymous.disable());
    return stateless(http, entryPoint, ProblemType.FORBIDDEN).build();
  }

  /**
   * Denies every request no chain before matched, with 404 (the address reveals nothing). Error
   * dispatches to the container's error page are let through so that errors are rendered (W5).
   */
  @Bean
  @Order(SecurityChainOrder.CATCH_ALL)
  SecurityFilterChain catchAllChain(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint notFound =
        (request, response, failure) ->
            ErrorResponder.respond(
                request,
                response,
                Problem.of(ProblemType.NOT_FOUND, "No resource at this address."));
    http.authorizeHttpRequests(
        authorize ->
            authorize
                .dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .anyRequest()
                .denyAll());
    return stateless(http, notFound, ProblemType.NOT_FOUND).build();
  }

  /**
   * What the stateless chains share: no session, request cache, CSRF token, header writing or
   * logout, and problem answers from {@code entryPoint} and for denied access.
   */
  private static HttpSecurity stateless(
      HttpSecurity http, AuthenticationEntryPoint entryPoint, ProblemType denied) throws Exception {
    return http.sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .logout(logout -> logout.disable())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(new ProblemAccessDeniedHandler(denied)));
  }

  /** Requests Spring Security's own firewall refuses get our problem answer too (W5, W6). */
  @Bean
  WebSecurityCustomizer problemOnRejectedRequest() {
    return web ->
        web.requestRejectedHandler(
            (request, response, rejected) ->
                ErrorResponder.respond(
                    request,
                    response,
                    Problem.of(ProblemType.BAD_REQUEST, "The request was refused.")));
  }

  @Bean
  SecurityChainLog securityChainLog() {
    return new SecurityChainLog();
  }
}

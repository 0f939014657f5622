package io.bulwark.server.auth;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.server.access.AccessConfiguration;
import io.bulwark.server.access.SecurityChainOrder;
import io.bulwark.server.auth.AuthEventLog.Channel;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The security filter chain of the web apps ({@code /app/**} and {@code /}): form login at {@value
 * WebPaths#LOGIN}, logout by POST to {@value WebPaths#LOGOUT}, CSRF tokens in a {@code __Host-}
 * cookie so that the login page needs no session (W2, E8), a session created at sign-in only and
 * capped per user and in total ({@link WebSessionLimits}, E8), password checks bounded by {@link
 * PasswordCheckLimiter} (E8, W14), the absolute session timeout and the per-request user re-check
 * (A10), the forced password change (A2) and the location rules (Z4). Security headers are written
 * by the server-wide headers filter, so Spring Security's are off here. The chain sits at {@link
 * SecurityChainOrder#WEB_APPS}, after the API and internal chains and before the catch-all; the
 * service group gate has already checked the client's address (W7) and redirected {@code /}. Only
 * in a servlet web application: {@code doctor}'s local mode loads the configuration without one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

  @Bean
  @Order(SecurityChainOrder.WEB_APPS)
  SecurityFilterChain webAppSecurityFilterChain(
      HttpSecurity http,
      BulwarkEngine engine,
      AuthEventLog events,
      SessionSettings settings,
      PasswordCheckLimiter passwordChecks,
      SessionLimitSettings limits,
      SessionCounter sessionCounter,
      UserSessions userSessions,
      @Qualifier(AccessConfiguration.LOCATION_RULES)
          AuthorizationManager<RequestAuthorizationContext> locationRules) {
    IdentityService identity = engine.identityService();
    SessionAuthentication sessions = new SessionAuthentication();
    AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
    denied.setErrorPage(WebPaths.DENIED);
    http.securityMatcher("/app/**", "/")
        .authenticationManager(
            new ProviderManager(
                passwordChecks.guard(AuthConfiguration.throttled(engine, events, Channel.WEB))))
        .headers(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .securityContext(context -> context.securityContextRepository(sessions.repository()))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .csrf(csrf -> csrf.csrfTokenRepository(WebSessionLimits.csrfTokens()))
        .sessionManagement(
            session ->
                session
                    .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                    .sessionAuthenticationStrategy(
                        WebSessionLimits.atSignIn(
                            sessionCounter, limits.maxTotal(), userSessions.atSignIn()))
                    .maximumSessions(limits.maxPerUser())
                    .expiredUrl(WebPaths.LOGIN + "?expired"))
        .formLogin(
            form ->
                form.loginPage(WebPaths.LOGIN)
                    .loginProcessingUrl(WebPaths.LOGIN)
                    .defaultSuccessUrl(WebPaths.HOME, true)
                    .failureHandler(new LoginFailureHandler()))
        .logout(
            logout ->
                logout
                    .logoutUrl(WebPaths.LOGOUT)
                    .addLogoutHandler(
                        (request, response, authentication) -> {
                          if (authentication != null) {
                            events.logout(authentication.getName(), request);
                          }
                        })
                    .addLogoutHandler(new CookieClearingLogoutHandler(expiredSessionCookie()))
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .logoutSuccessUrl(WebPaths.LOGIN + "?logout"))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(loginRedirect()).accessDeniedHandler(denied))
        // The location rules decide who reaches which page (Z4); the pages that need no full user
        // (the public ones, whose default rules allow '*', and the forced password change, A2)
        // need nothing more, every other page also the full user's authority.
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/",
                        WebPaths.LOGIN,
                        WebPaths.DENIED,
                        WebPaths.ASSETS,
                        WebPaths.LOST_PASSWORD,
                        WebPaths.RESET_PASSWORD,
                        WebPaths.VERIFY_EMAIL)
                    .access(locationRules)
                    .requestMatchers(WebPaths.PASSWORD)
                    .access(
                        AuthorizationManagers.allOf(
                            locationRules, AuthenticatedAuthorizationManager.authenticated()))
                    .anyRequest()
                    .access(
                        AuthorizationManagers.allOf(
                            locationRules,
                            AuthorityAuthorizationManager.hasAuthority(Authorities.USER))))
        .addFilterAfter(
            new SessionLifetimeFilter(settings, events, Clock.systemUTC()),
            SecurityContextHolderFilter.class)
        .addFilterBefore(
            new CurrentUserFilter(identity, events, sessions, userSessions),
            ExceptionTranslationFilter.class)
        .addFilterBefore(new PasswordChangeGateFilter(), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * Sends anonymous requests to the login page by a relative redirect: Spring Security's default
   * builds an absolute URL from the request's {@code Host} header, which a client chooses (W13).
   */
  private static LoginUrlAuthenticationEntryPoint loginRedirect() {
    LoginUrlAuthenticationEntryPoint entryPoint =
        new LoginUrlAuthenticationEntryPoint(WebPaths.LOGIN);
    entryPoint.setFavorRelativeUris(true);
    return entryPoint;
  }

  /** The session cookie with the attributes browsers need to accept its deletion (W1). */
  private static Cookie expiredSessionCookie() {
    Cookie cookie = new Cookie(SessionCookieCustomizer.COOKIE_NAME, "");
    cookie.setPath("/");
    cookie.setSecure(true);
    cookie.setHttpOnly(true);
    cookie.setMaxAge(0);
    return cookie;
  }
}

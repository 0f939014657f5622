package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.auth.WebPaths;
import io.bulwark.server.web.WebUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tasklist needs ACCESS on APPLICATION {@code tasklist} (Z2), checked before every Tasklist page
 * and action; a user without it gets the generic 403 page. A fresh install grants it to everyone
 * signed in through a global rule ({@code bulwark-global-tasklist-access}, migration V171); an
 * administrator narrows it by deleting that rule and granting groups, or by revoking it for a user
 * or group.
 */
@Configuration
class TasklistAccess implements WebMvcConfigurer {

  static final String APPLICATION = "tasklist";

  private final AuthorizationService authorizations;

  TasklistAccess(BulwarkEngine engine) {
    this.authorizations = engine.authorizationService();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler)
                  throws IOException, ServletException {
                return allowed(request, response);
              }
            })
        .addPathPatterns("/app/tasklist", "/app/tasklist/**");
  }

  private boolean allowed(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authorizations
            .check(WebUser.principal(authentication), "ACCESS", "APPLICATION", APPLICATION)
            .granted()) {
      return true;
    }
    request.getRequestDispatcher(WebPaths.DENIED).forward(request, response);
    return false;
  }
}

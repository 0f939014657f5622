package io.bulwark.server.web;

import io.bulwark.server.auth.SessionSettings;
import io.bulwark.server.auth.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout ({@code templates/app/layout.html}) shows on every page of the web apps:
 * the signed-in user and the current section for the banner, and the idle timeout that {@code
 * session.js} counts down to warn before the session ends. Anonymous pages (sign-in, denied) get
 * neither.
 */
@ControllerAdvice(basePackages = "io.bulwark.server.web")
final class LayoutModelAdvice {

  private final long idleTimeoutSeconds;

  LayoutModelAdvice(SessionSettings settings) {
    this.idleTimeoutSeconds = settings.idleTimeout().toSeconds();
  }

  @ModelAttribute
  void layout(Authentication authentication, HttpServletRequest request, Model model) {
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
      model.addAttribute("userName", user.userId());
      model.addAttribute("idleTimeoutSeconds", idleTimeoutSeconds);
      model.addAttribute("activeNav", section(request.getRequestURI()));
    }
  }

  /**
   * The navigation entry of a path: {@code start}, {@code tasklist}, {@code password}, {@code
   * account} or none.
   */
  static String section(String path) {
    if (path.startsWith("/app/tasklist/start")) {
      return "start";
    }
    if (path.startsWith("/app/tasklist")) {
      return "tasklist";
    }
    if (path.startsWith("/app/password")) {
      return "password";
    }
    if (path.startsWith("/app/account")) {
      return "account";
    }
    return "";
  }
}

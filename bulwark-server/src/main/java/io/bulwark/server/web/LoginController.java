package io.bulwark.server.web;

import io.bulwark.server.auth.WebPaths;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the sign-in form. The form is posted to the same URL and processed by Spring Security's
 * form login in {@code auth}; failures come back as {@code ?error} with one generic message (A6).
 */
@Controller
final class LoginController {

  @GetMapping(WebPaths.LOGIN)
  String login() {
    return "app/login";
  }
}

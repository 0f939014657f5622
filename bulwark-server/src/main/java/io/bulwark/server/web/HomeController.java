package io.bulwark.server.web;

import io.bulwark.server.auth.WebPaths;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of the web apps ({@code /} is redirected here by the service group gate). */
@Controller
final class HomeController {

  @GetMapping(WebPaths.HOME)
  String home(Authentication authentication, Model model) {
    model.addAttribute("userName", authentication.getName());
    return "app/home";
  }
}

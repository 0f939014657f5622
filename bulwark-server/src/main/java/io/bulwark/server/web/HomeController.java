package io.bulwark.server.web;

import io.bulwark.server.auth.WebPaths;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of the web apps, and the redirect to it from the server root. */
@Controller
final class HomeController {

  @GetMapping("/")
  String root() {
    return "redirect:" + WebPaths.HOME;
  }

  @GetMapping(WebPaths.HOME)
  String home(Authentication authentication, Model model) {
    model.addAttribute("userName", authentication.getName());
    return "app/home";
  }
}

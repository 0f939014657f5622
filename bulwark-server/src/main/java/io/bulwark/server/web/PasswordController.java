package io.bulwark.server.web;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.PasswordChanger;
import io.bulwark.server.auth.WebPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The password change page (A2, A11): current password, new password twice. The rules the new
 * password breaks (A4) are shown next to the field; nothing else of the refusal is.
 */
@Controller
final class PasswordController {

  private static final int MAX_LENGTH = 1024;

  private final PasswordChanger changer;
  private final IdentityService identity;

  PasswordController(PasswordChanger changer, BulwarkEngine engine) {
    this.changer = changer;
    this.identity = engine.identityService();
  }

  @GetMapping(WebPaths.PASSWORD)
  String form(Authentication authentication, Model model) {
    return page(authentication, model, Map.of());
  }

  @PostMapping(WebPaths.PASSWORD)
  String change(
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String next,
      @RequestParam(defaultValue = "") String repeat,
      Authentication authentication,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (current.isEmpty() || current.length() > MAX_LENGTH) {
      return page(
          authentication, model, Map.of("current", List.of("Enter your current password.")));
    }
    if (next.length() > MAX_LENGTH) {
      return page(authentication, model, Map.of("next", List.of("The new password is too long.")));
    }
    if (!next.equals(repeat)) {
      return page(
          authentication, model, Map.of("repeat", List.of("The two new passwords differ.")));
    }
    try (Secret currentPassword = Secret.of(current);
        Secret newPassword = Secret.of(next)) {
      changer.change(authentication, currentPassword, newPassword, request, response);
    } catch (ValidationException refused) {
      return page(authentication, model, errorsOf(refused));
    }
    return "redirect:" + WebPaths.HOME + "?changed";
  }

  private Map<String, List<String>> errorsOf(ValidationException refused) {
    if (refused.rules().contains("current-password")) {
      return Map.of("current", List.of("The current password is wrong."));
    }
    return Map.of("next", PasswordRuleMessages.of(refused.rules(), identity.passwordPolicy()));
  }

  private static String page(
      Authentication authentication, Model model, Map<String, List<String>> errors) {
    model.addAttribute("mustChange", PasswordChanger.mustChange(authentication));
    model.addAttribute("errors", errors);
    return "app/password";
  }
}

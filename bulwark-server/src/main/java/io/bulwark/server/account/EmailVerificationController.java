package io.bulwark.server.account;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.WebPaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Confirms a new e-mail address with the link mailed to it (Z9, A11). The link opens a page with a
 * button that posts the token back in the form body, so that a mail scanner that fetches links does
 * not consume it; no sign-in is needed, since the token proves the mail arrived. One message for an
 * unknown, used or expired link.
 */
@Controller
final class EmailVerificationController {

  private static final String PAGE = "app/account/verify-email";

  private final IdentityService identity;
  private final AuthEventLog events;

  EmailVerificationController(BulwarkEngine engine, AuthEventLog events) {
    this.identity = engine.identityService();
    this.events = events;
  }

  @GetMapping(WebPaths.VERIFY_EMAIL)
  String confirmForm(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("state", ResetTokens.hasShape(token) ? "confirm" : "invalid");
    model.addAttribute("token", token);
    return PAGE;
  }

  @PostMapping(WebPaths.VERIFY_EMAIL)
  String confirm(
      @RequestParam(defaultValue = "") String token, Model model, HttpServletRequest request) {
    model.addAttribute("token", "");
    if (!ResetTokens.hasShape(token)) {
      events.emailVerified(null, false, request);
      model.addAttribute("state", "invalid");
      return PAGE;
    }
    try (Secret secret = Secret.of(token)) {
      events.emailVerified(identity.confirmEmailChange(secret), true, request);
    } catch (ValidationException refused) {
      events.emailVerified(null, false, request);
      model.addAttribute("state", "invalid");
      return PAGE;
    }
    model.addAttribute("state", "done");
    return PAGE;
  }
}

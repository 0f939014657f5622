package io.bulwark.server.account;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.PasswordRecoveryService;
import io.bulwark.engine.api.PasswordRecoveryService.RecoveryRequest;
import io.bulwark.engine.api.PasswordRecoveryService.ResetMail;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.WebPaths;
import io.bulwark.server.engine.PasswordRecoveryProperties;
import io.bulwark.server.mail.SmtpMailer;
import io.bulwark.server.web.PasswordRuleMessages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Password recovery (A11): the lost-password form, which answers the same whether or not an account
 * matched (A6) and leaves the mail to a background thread so that the answer's timing does not tell
 * either; and the reset form, loaded from the mailed link and posting the token back in its body.
 * Without a mail server or link base URL the lost-password page says to ask an administrator.
 */
@Controller
final class PasswordRecoveryController {

  private static final int MAX_LENGTH = 1024;
  private static final int MAX_ACCOUNT_LENGTH = 255;

  private final PasswordRecoveryService recovery;
  private final IdentityService identity;
  private final Optional<SmtpMailer> mailer;
  private final PasswordRecoveryProperties settings;
  private final AuthEventLog events;
  private final Clock clock = Clock.systemUTC();

  PasswordRecoveryController(
      BulwarkEngine engine,
      ObjectProvider<SmtpMailer> mailer,
      PasswordRecoveryProperties settings,
      AuthEventLog events) {
    this.recovery = engine.passwordRecoveryService();
    this.identity = engine.identityService();
    this.mailer = Optional.ofNullable(mailer.getIfAvailable());
    this.settings = settings;
    this.events = events;
  }

  /** Whether recovery can work: a mail server and a base URL for the link. */
  private boolean available() {
    return mailer.isPresent() && settings.linkBaseUrl() != null;
  }

  @GetMapping(WebPaths.LOST_PASSWORD)
  String lostPasswordForm(Model model) {
    return lostPasswordPage(model, Map.of());
  }

  @PostMapping(WebPaths.LOST_PASSWORD)
  String requestReset(
      @RequestParam(defaultValue = "") String account, Model model, HttpServletRequest request) {
    if (!available()) {
      return lostPasswordPage(model, Map.of());
    }
    String typed = account.strip();
    if (typed.isEmpty() || typed.length() > MAX_ACCOUNT_LENGTH) {
      return lostPasswordPage(
          model, Map.of("account", List.of("Enter your user ID or e-mail address.")));
    }
    RecoveryRequest result = recovery.requestReset(typed, request.getRemoteAddr());
    for (ResetMail mail : result.mails()) {
      try {
        String text = RecoveryMails.text(mail, settings.linkBaseUrl(), clock.instant());
        mailer
            .get()
            .sendLater(
                mail.email(),
                RecoveryMails.SUBJECT,
                text,
                failure -> events.recoveryMailFailed(mail.userId(), failure));
      } catch (IllegalArgumentException badAddress) {
        events.recoveryMailFailed(mail.userId(), "invalid_address");
      } finally {
        mail.token().clear();
      }
    }
    events.recoveryRequested(
        typed, result.outcome(), result.mails().stream().map(ResetMail::userId).toList(), request);
    // A6: one answer for every outcome, known account or not, limited or not.
    return "redirect:" + WebPaths.LOST_PASSWORD + "?sent";
  }

  private String lostPasswordPage(Model model, Map<String, List<String>> errors) {
    model.addAttribute("available", available());
    model.addAttribute("lifetimeMinutes", settings.tokenLifetime().toMinutes());
    model.addAttribute("errors", errors);
    return "app/account/lost-password";
  }

  @GetMapping(WebPaths.RESET_PASSWORD)
  String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
    if (!validShape(token)) {
      return invalidLink(model);
    }
    try (Secret secret = Secret.of(token)) {
      if (recovery.checkResetToken(secret).isEmpty()) {
        return invalidLink(model);
      }
    }
    return resetPage(model, token, Map.of());
  }

  @PostMapping(WebPaths.RESET_PASSWORD)
  String reset(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String next,
      @RequestParam(defaultValue = "") String repeat,
      Model model,
      HttpServletRequest request) {
    if (!validShape(token)) {
      events.passwordResetRefused(null, "invalid_token", request);
      return invalidLink(model);
    }
    if (next.isEmpty() || next.length() > MAX_LENGTH) {
      return resetPage(model, token, Map.of("next", List.of("Enter a new password.")));
    }
    if (!next.equals(repeat)) {
      return resetPage(model, token, Map.of("repeat", List.of("The two new passwords differ.")));
    }
    String userId;
    try (Secret secret = Secret.of(token);
        Secret password = Secret.of(next)) {
      userId = recovery.resetPassword(secret, password);
    } catch (ValidationException refused) {
      if ("token".equals(refused.field())) {
        events.passwordResetRefused(null, "invalid_token", request);
        return invalidLink(model);
      }
      events.passwordResetRefused(null, String.join(",", refused.rules()), request);
      return resetPage(
          model,
          token,
          Map.of("next", PasswordRuleMessages.of(refused.rules(), identity.passwordPolicy())));
    }
    events.passwordReset(userId, request);
    return "redirect:" + WebPaths.LOGIN + "?reset";
  }

  private static boolean validShape(String token) {
    return ResetTokens.hasShape(token);
  }

  private static String resetPage(Model model, String token, Map<String, List<String>> errors) {
    model.addAttribute("token", token);
    model.addAttribute("errors", errors);
    model.addAttribute("invalid", false);
    return "app/account/reset";
  }

  private static String invalidLink(Model model) {
    model.addAttribute("invalid", true);
    model.addAttribute("errors", Map.of());
    return "app/account/reset";
  }
}

package io.bulwark.server.account;

import io.bulwark.engine.api.OwnProfileChange;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.OwnAccount;
import io.bulwark.server.auth.WebPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's own profile (Z9): first name, last name, display name and e-mail, the only
 * attributes a user may change. A new e-mail address needs the current password (recovery links go
 * there) and changes only when the link mailed to it is followed ({@link VerificationMailer},
 * {@link EmailVerificationController}); a link to the password change; the user's sessions on every
 * node with the client address, node, browser, creation and last use, and buttons to end one or all
 * of the others (A10).
 */
@Controller
final class ProfileController {

  private static final String ENDED = "?ended";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** A session as the page shows it. */
  record SessionRow(
      String handle,
      String created,
      String lastUsed,
      String client,
      String node,
      String userAgent,
      boolean current) {}

  private final OwnAccount account;
  private final VerificationMailer mails;

  ProfileController(OwnAccount account, VerificationMailer mails) {
    this.account = account;
    this.mails = mails;
  }

  @GetMapping(WebPaths.PROFILE)
  String profile(Authentication authentication, Model model, HttpServletRequest request) {
    User user = account.user(authentication);
    return page(authentication, model, request, user.profile(), user, Map.of());
  }

  @PostMapping(WebPaths.PROFILE)
  String update(
      @RequestParam(defaultValue = "") String firstName,
      @RequestParam(defaultValue = "") String lastName,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String locale,
      @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "") String currentPassword,
      Authentication authentication,
      Model model,
      HttpServletRequest request) {
    UserProfile profile =
        new UserProfile(
            blankToNull(firstName),
            blankToNull(lastName),
            blankToNull(displayName),
            blankToNull(email),
            blankToNull(locale),
            blankToNull(timeZone));
    User user = account.user(authentication);
    if (profile.email() != null
        && !profile.email().equalsIgnoreCase(nullToEmpty(user.email()))
        && !mails.available()) {
      return page(
          authentication,
          model,
          request,
          profile,
          user,
          Map.of(
              "email",
              List.of(
                  "A new address is confirmed by a mailed link, and no mail server is set up;"
                      + " ask an administrator.")));
    }
    OwnProfileChange change;
    try (Secret password = currentPassword.isEmpty() ? null : Secret.of(currentPassword)) {
      change = account.updateProfile(authentication, profile, password, request);
    } catch (ValidationException refused) {
      String field = refused.field();
      String message =
          "currentPassword".equals(field)
              ? "Enter your current password to change the e-mail address."
              : "This value is not accepted: " + refused.rules().get(0) + ".";
      return page(authentication, model, request, profile, user, Map.of(field, List.of(message)));
    }
    if (change.emailVerification().isPresent()) {
      mails.send(change.emailVerification().get());
      return "redirect:" + WebPaths.PROFILE + "?saved&verify";
    }
    return "redirect:" + WebPaths.PROFILE + "?saved";
  }

  @PostMapping(WebPaths.PROFILE + "/sessions/end")
  String endSession(
      @RequestParam(defaultValue = "") String handle,
      Authentication authentication,
      HttpServletRequest request) {
    account.endSessions(authentication, List.of(handle), request);
    return "redirect:" + WebPaths.PROFILE + ENDED;
  }

  @PostMapping(WebPaths.PROFILE + "/sessions/end-others")
  String endOthers(Authentication authentication, HttpServletRequest request) {
    account.endOtherSessions(authentication, request);
    return "redirect:" + WebPaths.PROFILE + ENDED;
  }

  private String page(
      Authentication authentication,
      Model model,
      HttpServletRequest request,
      UserProfile shown,
      User user,
      Map<String, List<String>> errors) {
    model.addAttribute("userId", user.id());
    model.addAttribute("profile", shown);
    model.addAttribute(
        "sessions",
        account.sessions(authentication, request).stream()
            .map(
                s ->
                    new SessionRow(
                        s.session().handle(),
                        TIME.format(s.session().created()),
                        TIME.format(s.session().lastUsed()),
                        s.session().client(),
                        s.session().node(),
                        s.session().userAgent(),
                        s.current()))
            .toList());
    model.addAttribute("errors", errors);
    return "app/account/profile";
  }

  private static String nullToEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static @Nullable String blankToNull(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}

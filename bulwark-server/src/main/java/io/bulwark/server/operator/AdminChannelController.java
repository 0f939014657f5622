package io.bulwark.server.operator;

import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.audit.AuditRecordJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin channel's endpoints under {@value #PATH} (internal services, loopback by default, W7),
 * called by {@code bulwark admin} with the channel secret ({@link AdminChannelFilter}). Each runs
 * one {@link OperatorActions} operation; the engine's errors become problem answers (W5). A
 * one-time password is in the answer once (which is never cached, W3) and in no log.
 */
@RestController
@RequestMapping(AdminChannelController.PATH)
final class AdminChannelController {

  static final String PATH = "/internal/admin";

  private final OperatorActions actions;

  AdminChannelController(OperatorActions actions) {
    this.actions = actions;
  }

  /** The body of {@code POST /internal/admin/users}. */
  record NewUserRequest(
      String id, @Nullable String firstName, @Nullable String lastName, @Nullable String email) {}

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> createUser(@RequestBody NewUserRequest body, HttpServletRequest request) {
    UserProfile profile = new UserProfile(body.firstName(), body.lastName(), null, body.email());
    try (Secret password = actions.createUser(body.id(), profile, request.getRemoteAddr())) {
      return Map.of("id", body.id(), "oneTimePassword", new String(password.reveal()));
    }
  }

  @PostMapping("/users/{id}/password-reset")
  Map<String, Object> resetPassword(@PathVariable("id") String userId, HttpServletRequest request) {
    try (Secret password = actions.resetPassword(userId, request.getRemoteAddr())) {
      return Map.of("id", userId, "oneTimePassword", new String(password.reveal()));
    }
  }

  @PostMapping("/users/{id}/unlock")
  Map<String, Object> unlock(@PathVariable("id") String userId, HttpServletRequest request) {
    return Map.of("id", userId, "locksLifted", actions.unlock(userId, request.getRemoteAddr()));
  }

  @PostMapping("/users/{id}/disable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void disable(@PathVariable("id") String userId, HttpServletRequest request) {
    actions.disable(userId, request.getRemoteAddr());
  }

  @PostMapping("/users/{id}/enable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void enable(@PathVariable("id") String userId, HttpServletRequest request) {
    actions.enable(userId, request.getRemoteAddr());
  }

  @GetMapping("/locked")
  List<LockedAccount> locked() {
    return actions.lockedAccounts();
  }

  @GetMapping("/audit/verify")
  AuditVerification verifyAudit() {
    return actions.verifyAudit();
  }

  @GetMapping("/audit/records")
  List<AuditRecordJson> auditRecords(@RequestParam(defaultValue = "0") long afterSeq) {
    return actions.auditRecords(afterSeq);
  }
}

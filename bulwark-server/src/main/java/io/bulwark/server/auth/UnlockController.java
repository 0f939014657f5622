package io.bulwark.server.auth;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.LoginThrottleService;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's {@code POST /engine-rest/user/{id}/unlock} (A5): lifts every lock the login throttle
 * holds on an account, from every address; 204, or 404 when no such user exists. Administrators
 * only (members of {@value IdentityService#ADMINISTRATORS_GROUP}), checked here until the engine's
 * authorization layer enforces the command's own requirement (UPDATE on the user, Z2); others get
 * 403. Logged to the authentication log (A7).
 */
@RestController
final class UnlockController {

  static final String PATH = "/engine-rest/user/{id}/unlock";

  private final LoginThrottleService throttle;
  private final IdentityService identity;
  private final AuthEventLog events;

  UnlockController(BulwarkEngine engine, AuthEventLog events) {
    this.throttle = engine.loginThrottleService();
    this.identity = engine.identityService();
    this.events = events;
  }

  @PostMapping(PATH)
  void unlock(
      @PathVariable("id") String userId,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (!(authentication.getPrincipal() instanceof SignedInUser admin)
        || !admin.groups().contains(IdentityService.ADMINISTRATORS_GROUP)) {
      ErrorResponder.respond(
          request,
          response,
          Problem.of(ProblemType.FORBIDDEN, "Only administrators may unlock accounts."));
      return;
    }
    boolean exists;
    try {
      exists = identity.findUser(userId).isPresent();
    } catch (ValidationException invalid) {
      exists = false;
    }
    if (!exists) {
      ErrorResponder.respond(request, response, Problem.of(ProblemType.NOT_FOUND, "No such user."));
      return;
    }
    int cleared = throttle.unlock(new Principal(admin.userId(), admin.groups()), userId);
    events.unlocked(admin.userId(), userId, cleared, request.getRemoteAddr());
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}

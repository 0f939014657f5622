package io.bulwark.server.engine;

import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;

/**
 * Doctor check Z5: someone can always grant again. The engine refuses any change that would remove
 * the last enabled user whom the rules grant READ, CREATE, UPDATE and DELETE on AUTHORIZATION * (as
 * {@code ALL} does), so none being left while users exist means the rules or users were changed
 * around it: FAIL. A database without any user yet (before the first start of the server, which
 * creates the administrator) is a WARN.
 */
public final class Z5AdministratorCheck implements LocalCheck {

  private final AuthorizationService rules;
  private final IdentityService identity;
  private final Principal doctor;

  public Z5AdministratorCheck(
      AuthorizationService rules, IdentityService identity, Principal doctor) {
    this.rules = rules;
    this.identity = identity;
    this.doctor = doctor;
  }

  @Override
  public String id() {
    return "Z5";
  }

  @Override
  public Finding run() {
    if (!rules.administratorExists(doctor) && identity.passwordStorage().users() == 0) {
      return Finding.warn(
          id(),
          "no user yet: the first start of the server creates the administrator admin",
          "start the server once (./bulwark serve), or create an administrator with ./bulwark"
              + " admin user create and add it to "
              + IdentityService.ADMINISTRATORS_GROUP);
    }
    if (!rules.administratorExists(doctor)) {
      return Finding.fail(
          id(),
          "no enabled user is granted READ, CREATE, UPDATE and DELETE on AUTHORIZATION *: no one"
              + " can grant or repair permissions",
          "enable an administrator, or add one to "
              + IdentityService.ADMINISTRATORS_GROUP
              + " with ./bulwark admin, and find out how the last one was removed around the"
              + " engine");
    }
    return Finding.pass(
        id(), "an enabled administrator can grant; removing the last one is refused (409)");
  }
}

package io.bulwark.server.engine;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/**
 * Doctor check Z8: rights are explainable when they come from roles. A grant to one user directly
 * (rather than to a group the user belongs to) is a WARN: explain then names a rule per person, and
 * such rights are easily forgotten when the person changes jobs. Revoke rules for a user are fine
 * (they are the documented exception); global rules are Z1's. Reads the rules as the doctor's
 * trusted principal.
 */
public final class Z8DirectGrantsCheck implements LocalCheck {

  private static final int SHOWN = 10;

  private final AuthorizationService rules;
  private final Principal doctor;

  public Z8DirectGrantsCheck(AuthorizationService rules, Principal doctor) {
    this.rules = rules;
    this.doctor = doctor;
  }

  @Override
  public String id() {
    return "Z8";
  }

  @Override
  public Finding run() {
    List<String> direct =
        AllRules.read(rules, doctor).stream()
            .filter(rule -> "GRANT".equals(rule.type()) && rule.userId() != null)
            .map(Z8DirectGrantsCheck::describe)
            .toList();
    if (!direct.isEmpty()) {
      return Finding.warn(
          id(),
          direct.size()
              + " rules grant to users directly instead of through groups: "
              + direct.subList(0, Math.min(SHOWN, direct.size()))
              + (direct.size() > SHOWN ? " …" : ""),
          "grant to a group that stands for the role and make the users members;"
              + " GET /engine-rest/authorization/explain names the rule that decides");
    }
    return Finding.pass(
        id(),
        "every grant goes to a group or to everyone; explain names the deciding rule (engine API"
            + " and GET /engine-rest/authorization/explain)");
  }

  private static String describe(AuthorizationRule rule) {
    return rule.id() + " (user " + rule.userId() + ": " + rule.resourceType() + ")";
  }
}

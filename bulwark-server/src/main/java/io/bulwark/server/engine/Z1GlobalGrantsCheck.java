package io.bulwark.server.engine;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Doctor check Z1: deny by default holds only while no global rule hands administrative resources
 * to everyone. FAIL for a GLOBAL rule on users, groups, tenants, authorizations, the audit log, the
 * system or deployments (Z10); WARN for any other GLOBAL rule on all ({@code *}) resources of a
 * type, which every new user then holds. Reads the rules as the doctor's trusted principal.
 */
public final class Z1GlobalGrantsCheck implements LocalCheck {

  /** Resource types whose global grant makes every user an administrator. */
  static final Set<String> ADMINISTRATIVE =
      Set.of("USER", "GROUP", "TENANT", "AUTHORIZATION", "AUDIT_LOG", "SYSTEM", "DEPLOYMENT");

  private final AuthorizationService rules;
  private final Principal doctor;

  public Z1GlobalGrantsCheck(AuthorizationService rules, Principal doctor) {
    this.rules = rules;
    this.doctor = doctor;
  }

  @Override
  public String id() {
    return "Z1";
  }

  @Override
  public Finding run() {
    List<String> administrative = new ArrayList<>();
    List<String> wide = new ArrayList<>();
    for (AuthorizationRule rule : AllRules.read(rules, doctor)) {
      if (!"GLOBAL".equals(rule.type())) {
        continue;
      }
      if (ADMINISTRATIVE.contains(rule.resourceType())) {
        administrative.add(rule.id() + " (" + rule.resourceType() + ")");
      } else if ("*".equals(rule.resourceId())) {
        wide.add(rule.id() + " (" + rule.resourceType() + ")");
      }
    }
    if (!administrative.isEmpty()) {
      return Finding.fail(
          id(),
          "global rules grant administrative resources to every user: " + administrative,
          "delete these rules and grant the permissions to an administrators' group instead");
    }
    if (!wide.isEmpty()) {
      return Finding.warn(
          id(),
          "global rules grant every resource of a type to every user: " + wide,
          "grant to groups, or name single resources, so that a new user sees nothing (Z1)");
    }
    return Finding.pass(id(), "deny by default: no global rule grants all resources of a type");
  }
}

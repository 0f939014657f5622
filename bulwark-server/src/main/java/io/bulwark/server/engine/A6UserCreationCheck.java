package io.bulwark.server.engine;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Doctor check A6: only administrators hold CREATE on users (no self-registration). FAIL for a
 * GLOBAL rule that lets every user create users; WARN for a grant of CREATE (or ALL) on users to
 * anyone but the administrators' group, naming each, so that delegated user administration is a
 * visible decision. Revokes take permissions away and are not counted.
 */
public final class A6UserCreationCheck implements LocalCheck {

  private final AuthorizationService rules;
  private final Principal doctor;

  public A6UserCreationCheck(AuthorizationService rules, Principal doctor) {
    this.rules = rules;
    this.doctor = doctor;
  }

  @Override
  public String id() {
    return "A6";
  }

  @Override
  public Finding run() {
    List<String> everyone = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (AuthorizationRule rule : AllRules.read(rules, doctor)) {
      if (!"USER".equals(rule.resourceType())
          || "REVOKE".equals(rule.type())
          || !(rule.permissions().contains("CREATE") || rule.permissions().contains("ALL"))) {
        continue;
      }
      if ("GLOBAL".equals(rule.type())) {
        everyone.add(rule.id());
      } else if (!IdentityService.ADMINISTRATORS_GROUP.equals(rule.groupId())) {
        others.add(
            rule.id()
                + " ("
                + (rule.userId() != null ? "user " + rule.userId() : "group " + rule.groupId())
                + ")");
      }
    }
    if (!everyone.isEmpty()) {
      return Finding.fail(
          id(),
          "global rules let every user create users (self-registration): " + everyone,
          "delete these rules; grant CREATE on USER to the administrators' group only");
    }
    if (!others.isEmpty()) {
      return Finding.warn(
          id(),
          "CREATE on users is granted beyond the administrators' group: " + others,
          "keep user creation with administrators ("
              + IdentityService.ADMINISTRATORS_GROUP
              + "), or confirm that these delegated user administrators are intended");
    }
    return Finding.pass(
        id(),
        "only the administrators' group may create users; unknown users and wrong passwords get the"
            + " same answer");
  }
}

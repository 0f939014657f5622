package io.bulwark.server.engine;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/**
 * Doctor check Z6: no authorization rule names a deleted user or group. The engine deletes a user's
 * or group's rules with it and refuses new ones for the deleted ID, so a rule found here was
 * written around the engine and would come back to life if the ID were purged and reused: FAIL.
 */
public final class Z6DeletedIdsCheck implements LocalCheck {

  private final AuthorizationService rules;
  private final Principal doctor;

  public Z6DeletedIdsCheck(AuthorizationService rules, Principal doctor) {
    this.rules = rules;
    this.doctor = doctor;
  }

  @Override
  public String id() {
    return "Z6";
  }

  @Override
  public Finding run() {
    List<AuthorizationRule> orphaned = rules.findRulesOfDeletedIds(doctor);
    if (!orphaned.isEmpty()) {
      return Finding.fail(
          id(),
          "authorization rules name deleted users or groups: "
              + orphaned.stream().map(AuthorizationRule::id).toList(),
          "delete these rules (DELETE /engine-rest/authorization/{id} or the engine API) before"
              + " any of these IDs is purged, and find out how they were written");
    }
    return Finding.pass(
        id(), "no authorization rule names a deleted user or group; deleted IDs stay reserved");
  }
}

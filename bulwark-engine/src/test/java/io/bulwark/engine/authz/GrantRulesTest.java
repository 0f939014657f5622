package io.bulwark.engine.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The precedence of stored rules (Z2): user, then group, then global; revoke beats grant. */
class GrantRulesTest {

  private static Grant rule(String id, Grant.Type type, String user, String group, String on) {
    return new Grant(
        id, type, user, group, ResourceType.TASK, on, Set.of(Permission.READ, Permission.UPDATE));
  }

  @Test
  void z1_noRuleDecidesNothingSoTheCheckerDeniesByDefault() {
    GrantRules rules = new GrantRules(Permission.READ, List.of());

    assertThat(rules.decide("t1")).isEmpty();
    assertThat(rules.decideUnnamed()).isEmpty();
    assertThat(rules.decideNamed()).isEmpty();
  }

  @Test
  void z2_aUserRuleBeatsGroupAndGlobalRules() {
    GrantRules rules =
        new GrantRules(
            Permission.READ,
            List.of(
                rule("g1", Grant.Type.GLOBAL, null, null, "*"),
                rule("g2", Grant.Type.REVOKE, null, "staff", "*"),
                rule("u1", Grant.Type.GRANT, "anna", null, "t1")));

    assertThat(rules.decide("t1").orElseThrow().rule()).startsWith("grant u1 (user anna");
    assertThat(rules.decide("t2").orElseThrow().isGranted()).isFalse();
    assertThat(rules.decide("t2").orElseThrow().rule()).startsWith("revoke g2 (group staff");
  }

  @Test
  void z2_aRuleOnTheResourceBeatsOneOnAllAtTheSameLevelAndRevokeBeatsGrant() {
    GrantRules rules =
        new GrantRules(
            Permission.READ,
            List.of(
                rule("a", Grant.Type.GRANT, null, "staff", "*"),
                rule("b", Grant.Type.REVOKE, null, "staff", "t1"),
                rule("c", Grant.Type.GRANT, null, "clerks", "t1")));

    assertThat(rules.decide("t1").orElseThrow().rule()).startsWith("revoke b");
    assertThat(rules.decide("t2").orElseThrow().rule()).startsWith("grant a");
    assertThat(rules.decideUnnamed().orElseThrow().isGranted()).isTrue();
    assertThat(rules.decideNamed()).containsOnlyKeys("t1");
  }

  @Test
  void z2_rulesAboutOtherPermissionsDoNotSpeak() {
    GrantRules rules =
        new GrantRules(Permission.DELETE, List.of(rule("a", Grant.Type.GRANT, "anna", null, "*")));

    assertThat(rules.decide("t1")).isEmpty();
  }

  @Test
  void z2_allCoversEveryPermission() {
    Grant all =
        new Grant(
            "x", Grant.Type.GRANT, "anna", null, ResourceType.TASK, "*", Set.of(Permission.ALL));

    assertThat(new GrantRules(Permission.TASK_WORK, List.of(all)).decide("t9")).isPresent();
  }
}

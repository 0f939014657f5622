package io.bulwark.server.location;

import io.bulwark.engine.api.LocationDecision;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LocationRuleSet;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Doctor check Z4 on the stored location rules. FAIL when the rule set is empty or cannot be read,
 * or when an anonymous caller ({@code ?}) may reach a location that is not public: one of the
 * service groups' pages and endpoints below, or any path of a rule that allows {@code ?} or {@code
 * *} beyond the public ones. WARN when such a rule exists on the API or the administration pages
 * but an earlier rule keeps anonymous callers out. PASS otherwise.
 */
final class Z4LocationRulesCheck implements LocalCheck {

  /** The patterns of the public locations of the default rule set (V160). */
  static final Set<String> PUBLIC_PATTERNS =
      Set.of(
          "/",
          "/app/login",
          "/app/denied",
          "/app/assets/**",
          "/app/account/lost-password",
          "/app/account/reset",
          "/app/account/verify-email");

  /** Locations that must never be reachable without signing in. */
  private static final List<String> PRIVATE_PROBES =
      List.of(
          "/app/",
          "/app/tasklist",
          "/app/cockpit",
          "/app/admin",
          "/app/account/profile",
          "/app/password",
          "/engine-rest/task",
          "/engine-rest/deployment",
          "/engine-rest/user",
          "/engine-rest/authorization",
          "/engine-rest/location-rule",
          "/internal/");

  private final LocationRuleService rules;

  Z4LocationRulesCheck(LocationRuleService rules) {
    this.rules = rules;
  }

  @Override
  public String id() {
    return "Z4";
  }

  @Override
  public Finding run() {
    LocationRuleSet set;
    try {
      set = rules.ruleSetIfChanged(-1).orElseThrow();
    } catch (RuntimeException e) {
      return Finding.fail(
          id(),
          "the location rules cannot be read: " + e.getClass().getSimpleName(),
          "check the database and its migrations (V160)");
    }
    if (set.rules().isEmpty()) {
      return Finding.fail(
          id(),
          "the location rule set is empty: every location is denied, the login page too",
          "restore the default rules (README \"Location rules\")");
    }
    Set<String> probes = new LinkedHashSet<>(PRIVATE_PROBES);
    List<String> wide = new ArrayList<>();
    for (LocationRule rule : set.rules()) {
      if (opensToAll(rule)) {
        probes.add(samplePath(rule.pattern()));
        if (rule.pattern().startsWith("/engine-rest")
            || rule.pattern().startsWith("/app/admin")
            || rule.pattern().startsWith("/app/cockpit")
            || rule.pattern().startsWith("/internal")
            || rule.pattern().equals("/**")) {
          wide.add(rule.describe());
        }
      }
    }
    List<String> open = new ArrayList<>();
    for (String path : probes) {
      LocationDecision anonymous = set.decide(path, null, Set.of());
      if (anonymous.allowed()) {
        open.add(path + " by " + anonymous.rule());
      }
    }
    if (!open.isEmpty()) {
      return Finding.fail(
          id(),
          "anonymous callers may reach locations that are not public: " + open,
          "delete or narrow these rules, or put a rule denying '?' before them");
    }
    if (!wide.isEmpty()) {
      return Finding.warn(
          id(),
          "rules allow '*' or '?' on API or administration paths beyond the defaults: " + wide,
          "allow '@', a group or a user there instead");
    }
    return Finding.pass(
        id(),
        set.rules().size()
            + " location rules; only the public locations are open to anonymous callers");
  }

  /** A rule that lets everyone or anonymous callers in, beyond the public locations. */
  private static boolean opensToAll(LocationRule rule) {
    return rule.effect() == LocationRule.Effect.ALLOW
        && ("*".equals(rule.principal()) || "?".equals(rule.principal()))
        && !PUBLIC_PATTERNS.contains(rule.pattern());
  }

  /** A path the pattern matches: each wildcard segment becomes {@code x}. */
  private static String samplePath(String pattern) {
    return pattern.replace("**", "x").replace("*", "x");
  }
}

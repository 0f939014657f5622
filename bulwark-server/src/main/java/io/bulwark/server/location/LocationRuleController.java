package io.bulwark.server.location;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.LocationDecision;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.rest.Principals;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulwark's location rule resource under {@code /engine-rest/location-rule} (Z4, Z5, Z8): list,
 * insert at a position, update, delete, reorder and explain. The engine checks every call against
 * the caller's permissions on {@code AUTHORIZATION}; every change is an A7 event.
 */
@RestController
final class LocationRuleController {

  static final String BASE = "/engine-rest/location-rule";

  private final LocationRuleService rules;
  private final AuthEventLog events;

  LocationRuleController(BulwarkEngine engine, AuthEventLog events) {
    this.rules = engine.locationRuleService();
    this.events = events;
  }

  /** A rule as answered: its place in the list, pattern, {@code ALLOW}/{@code DENY}, principal. */
  record RuleJson(String id, int position, String pattern, String access, String principal) {
    static RuleJson of(LocationRule rule) {
      return new RuleJson(
          rule.id(), rule.position(), rule.pattern(), rule.effect().name(), rule.principal());
    }
  }

  /** A rule to insert ({@code position} null: at the end) or a rule's new content. */
  record RuleBody(
      @Nullable String pattern,
      @Nullable String access,
      @Nullable String principal,
      @Nullable Integer position) {
    NewLocationRule toRule() {
      // A missing member fails the rule's own check, which names the field.
      return new NewLocationRule(
          pattern == null ? "" : pattern, effect(access), principal == null ? "" : principal);
    }
  }

  /** The new order: every rule's ID once. */
  record OrderBody(@Nullable List<String> ruleIds) {}

  /** The decision for a user (null: anonymous) on a path, and the rule that made it (Z8). */
  record Explanation(
      @Nullable String userId,
      String path,
      boolean authorized,
      String rule,
      @Nullable RuleJson decidingRule) {}

  /** Explain's parameters. */
  record ExplainParameters(@Nullable String userId, @Nullable String path) {}

  @GetMapping(BASE)
  List<RuleJson> list(Authentication authentication) {
    return rules.findRules(Principals.of(authentication)).stream().map(RuleJson::of).toList();
  }

  @PostMapping(BASE)
  RuleJson create(
      @RequestBody RuleBody body, Authentication authentication, HttpServletRequest request) {
    LocationRule created =
        rules.createRule(Principals.of(authentication), body.toRule(), body.position());
    changed(authentication, "location_rule_created", created.id(), request);
    return RuleJson.of(created);
  }

  @PutMapping(BASE + "/{id}")
  ResponseEntity<Void> update(
      @PathVariable("id") String id,
      @RequestBody RuleBody body,
      Authentication authentication,
      HttpServletRequest request) {
    rules.updateRule(Principals.of(authentication), id, body.toRule());
    changed(authentication, "location_rule_updated", id, request);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(BASE + "/{id}")
  ResponseEntity<Void> delete(
      @PathVariable("id") String id, Authentication authentication, HttpServletRequest request) {
    rules.deleteRule(Principals.of(authentication), id);
    changed(authentication, "location_rule_deleted", id, request);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(BASE + "/reorder")
  List<RuleJson> reorder(
      @RequestBody OrderBody body, Authentication authentication, HttpServletRequest request) {
    List<RuleJson> ordered =
        rules
            .reorderRules(
                Principals.of(authentication), body.ruleIds() == null ? List.of() : body.ruleIds())
            .stream()
            .map(RuleJson::of)
            .toList();
    changed(authentication, "location_rules_reordered", "*", request);
    return ordered;
  }

  @GetMapping(BASE + "/explain")
  Explanation explain(ExplainParameters parameters, Authentication authentication) {
    String path = parameters.path();
    if (path == null) {
      throw ValidationException.of("path", "required", "path is required");
    }
    LocationDecision decision =
        rules.explain(Principals.of(authentication), parameters.userId(), path);
    return new Explanation(
        parameters.userId(),
        path,
        decision.allowed(),
        decision.rule(),
        decision.storedRule().map(RuleJson::of).orElse(null));
  }

  private void changed(
      Authentication authentication, String event, String ruleId, HttpServletRequest request) {
    events.ruleChanged(authentication.getName(), event, ruleId, request.getRemoteAddr());
  }

  private static LocationRule.Effect effect(@Nullable String access) {
    if (access != null) {
      try {
        return LocationRule.Effect.valueOf(access.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // falls through to the validation error below
      }
    }
    throw ValidationException.of("access", "one-of", "access must be ALLOW or DENY");
  }
}

package io.bulwark.engine.api;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Location rules of the server's web apps, API and internal services (Z4): one ordered list shared
 * by every node on the database. Managing them needs permissions on the {@code AUTHORIZATION}
 * resource type, as managing grants does (READ to list and explain, CREATE, UPDATE, DELETE). Every
 * change raises the rule set's version, so that each node sees it on its next request. A change
 * that would leave no administrator able to reach the administration API is refused (Z5).
 * Thread-safe; each call is one engine command.
 */
public interface LocationRuleService {

  /** The paths an administrator must be able to reach (Z5): grants and location rules. */
  List<String> ADMINISTRATION_PATHS =
      List.of("/engine-rest/authorization", "/engine-rest/location-rule");

  /** The rules in order; needs READ on AUTHORIZATION. */
  List<LocationRule> findRules(Principal principal);

  /**
   * Inserts a rule at {@code position} (0 = first; null or the list's size = last, still before the
   * implicit deny); needs CREATE on AUTHORIZATION.
   *
   * @throws ValidationException a position outside 0 … size
   * @throws ConflictException the change would lock the administrators out (Z5)
   */
  LocationRule createRule(Principal principal, NewLocationRule rule, @Nullable Integer position);

  /**
   * Replaces a rule's pattern, effect and principal in place; needs UPDATE on AUTHORIZATION.
   *
   * @throws NotFoundException no such rule
   * @throws ConflictException the change would lock the administrators out (Z5)
   */
  LocationRule updateRule(Principal principal, String ruleId, NewLocationRule rule);

  /**
   * Deletes a rule; needs DELETE on AUTHORIZATION.
   *
   * @throws NotFoundException no such rule
   * @throws ConflictException the change would lock the administrators out (Z5)
   */
  void deleteRule(Principal principal, String ruleId);

  /**
   * Puts the rules in the given order; needs UPDATE on AUTHORIZATION.
   *
   * @param ruleIds every stored rule's ID, each once
   * @throws ValidationException the IDs are not exactly the stored rules' IDs
   * @throws ConflictException the change would lock the administrators out (Z5)
   */
  List<LocationRule> reorderRules(Principal principal, List<String> ruleIds);

  /**
   * Which location rule decides for {@code userId} (in the groups the database holds for it; null:
   * an anonymous caller) on {@code path} (Z8); needs READ on AUTHORIZATION.
   *
   * @throws ValidationException a path that does not start with '/'
   */
  LocationDecision explain(Principal principal, @Nullable String userId, String path);

  /**
   * The rule set, unless its version is still {@code knownVersion}: one read of one number when
   * nothing changed. For the server's request path, which decides before anyone is authorized, so
   * it needs no principal; pass -1 to always get the set.
   */
  Optional<LocationRuleSet> ruleSetIfChanged(long knownVersion);
}

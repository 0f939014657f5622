package io.bulwark.engine.api;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Authorization rules and explain (Z2, Z5, Z8). Every method runs as a command for the acting
 * principal, who needs permissions on the {@code AUTHORIZATION} resource type (the administrators'
 * group {@value IdentityService#ADMINISTRATORS_GROUP} holds them from the first start). A rule
 * counts on the next call on every node: nothing is cached. Thread-safe.
 */
public interface AuthorizationService {

  /**
   * Stores a rule; needs CREATE on AUTHORIZATION.
   *
   * @throws ValidationException naming the field and the rule broken
   * @throws ConflictException an equal rule (type, user or group, resource) exists
   */
  AuthorizationRule createRule(Principal principal, NewAuthorizationRule rule);

  /** The rule with that ID; needs READ on it. */
  Optional<AuthorizationRule> findRule(Principal principal, String ruleId);

  /**
   * The rules the principal may read that match the query, a page at a time (W8), with the total.
   *
   * @throws ValidationException an unknown type or resource type, a bad page
   */
  Page<AuthorizationRule> findRules(Principal principal, AuthorizationQuery query);

  /**
   * Replaces a rule's user or group, resource and permissions; its type stays ({@code type} null or
   * the stored one). Needs UPDATE on it.
   *
   * @throws ValidationException naming the field and the rule broken
   * @throws NotFoundException no such rule
   * @throws ConflictException an equal rule exists, the rule would name a deleted ID (Z6), or the
   *     change would leave no enabled user with administration of authorizations (Z5)
   */
  AuthorizationRule updateRule(Principal principal, String ruleId, NewAuthorizationRule rule);

  /**
   * Deletes a rule; needs DELETE on it.
   *
   * @throws NotFoundException no such rule
   * @throws ConflictException the deletion would leave no enabled user with administration of
   *     authorizations (Z5)
   */
  void deleteRule(Principal principal, String ruleId);

  /**
   * May {@code userId} (in the groups the database knows for it) do {@code permission} on the
   * resource? Answered with the deciding rule (Z8); needs READ on AUTHORIZATION.
   *
   * @throws ValidationException unknown resource type or permission
   */
  AccessAnswer explain(
      Principal principal,
      @Nullable String userId,
      @Nullable String permission,
      @Nullable String resourceType,
      @Nullable String resourceId);

  /**
   * May the principal itself do {@code permission} on the resource ({@code null} resource ID: on
   * all of the type)? Answered with the deciding rule, as the principal's own call would be decided
   * (Z8); needs no permission.
   *
   * @throws ValidationException unknown resource type or permission
   */
  AccessAnswer check(
      Principal principal,
      @Nullable String permission,
      @Nullable String resourceType,
      @Nullable String resourceId);

  /**
   * The rules that name a deleted user or group, at most 100 (Z6). The engine deletes a user's or
   * group's rules with it and refuses new ones for a deleted ID, so this is empty unless rules were
   * written around the engine; the hardening audit reports them.
   *
   * @throws AuthorizationDeniedException the principal may not read all rules
   */
  List<AuthorizationRule> findRulesOfDeletedIds(Principal principal);

  /**
   * Whether an enabled user is granted READ, CREATE, UPDATE and DELETE on every authorization
   * ({@code AUTHORIZATION *}), directly, through a group or by a global rule: someone who can
   * always grant again (Z5). For the hardening audit.
   *
   * @throws AuthorizationDeniedException the principal may not read all rules
   */
  boolean administratorExists(Principal principal);
}

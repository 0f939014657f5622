package io.bulwark.engine.api;

import io.bulwark.engine.api.NewUser.PasswordChange;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Users, groups, tenants, memberships and passwords stored in the engine's database (A3, A6, Z6,
 * Z7). Thread-safe. Every operation is a command of the engine's one command executor: it runs in
 * one transaction, and the methods that take an acting {@link Principal} declare the permission
 * they need (Z2: CREATE, READ, UPDATE or DELETE on the USER, GROUP or TENANT concerned; memberships
 * need UPDATE on the group or tenant), which the executor checks before anything is read or
 * written. Password hashing runs outside the transaction.
 *
 * <p>IDs must match {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}} (Z7); anything else is refused with a
 * {@link ValidationException} naming the field and rule {@code id-pattern}. Deleting a user, group
 * or tenant deletes its memberships (and a user's access tokens) and keeps its ID as a tombstone:
 * creating the ID again is refused with a {@link ConflictException} until {@link #purgeDeletedId}
 * (Z6).
 */
public interface IdentityService {

  /** The group whose members administer Bulwark. */
  String ADMINISTRATORS_GROUP = "bulwark-admins";

  /** The ID of the user created by {@link #ensureInitialAdministrator()}. */
  String INITIAL_ADMINISTRATOR = "admin";

  /**
   * Creates a user with an Argon2id-hashed password (A3).
   *
   * @throws ValidationException the ID breaks the ID pattern (Z7), a profile value is invalid, or
   *     the password breaks the policy (A4)
   * @throws ConflictException a user with that ID exists, or existed and was deleted (Z6)
   */
  User createUser(Principal actor, NewUser newUser);

  /**
   * The user with that ID, or empty; for the server's authentication path, which has no principal
   * yet. Checks no permission: management code uses {@link #getUser}.
   */
  Optional<User> findUser(String userId);

  /**
   * The user with that ID (READ on the user).
   *
   * @throws NotFoundException no such user
   */
  User getUser(Principal actor, String userId);

  /**
   * Replaces first name, last name, display name and e-mail (UPDATE on the user).
   *
   * @throws NotFoundException no such user
   * @throws ValidationException a value is invalid; the field is named
   */
  User updateProfile(Principal actor, String userId, UserProfile profile);

  /**
   * Replaces the acting user's own first name, last name and display name (Z9): the allowlisted
   * attributes of a self-service profile. Needs no grant; the user is the actor, so no one edits
   * another profile this way, and nothing else of the user changes. A new e-mail address, where
   * password-recovery links go (A11), needs the current password and is not stored as the user's
   * yet: the answer carries a single-use link ({@link EmailVerification}, {@value
   * #EMAIL_LINK_MINUTES} minutes) for the caller to mail to the new address, and the address
   * changes only when the link is confirmed ({@link #confirmEmailChange}); a newer request replaces
   * an older one. The user's revision increments, so their other sessions and tokens end (A10).
   *
   * @param currentPassword the actor's password; required only when the e-mail address changes
   *     (compared ignoring case), else may be null
   * @throws ValidationException a value is invalid (the field is named), or the e-mail changes and
   *     the password is missing or wrong (field {@code currentPassword}, rule {@code
   *     current-password})
   * @throws ForbiddenException the actor is not a user (a trusted application or the engine)
   */
  OwnProfileChange updateOwnProfile(
      Principal actor, UserProfile profile, @Nullable Secret currentPassword);

  /** How long a link of {@link #updateOwnProfile} works, in minutes. */
  long EMAIL_LINK_MINUTES = 30;

  /**
   * Makes the e-mail address a verification link was mailed to the user's address, and consumes the
   * link and any other of the user (Z9, A11); the user's revision increments (A10). Needs no grant:
   * whoever holds the token received the mail. Does not clear the secret.
   *
   * @return the ID of the user whose address changed
   * @throws ValidationException the token is unknown, used or expired, or its user is disabled
   *     (field {@code token}, rule {@code verification-token})
   */
  String confirmEmailChange(Secret token);

  /**
   * Disables a user: they can no longer log in, and their sessions and tokens stop working at the
   * next request (A10). Does nothing when already disabled (UPDATE on the user).
   */
  void disableUser(Principal actor, String userId);

  /** Enables a disabled user again (UPDATE on the user). */
  void enableUser(Principal actor, String userId);

  /**
   * Deletes a user with their group and tenant memberships and access tokens, and tombstones the ID
   * (Z6; DELETE on the user).
   *
   * @throws NotFoundException no such user
   */
  void deleteUser(Principal actor, String userId);

  /**
   * Sets another user's password, as an administrator does (UPDATE on the user). The actor confirms
   * who they are with their own password first, as Camunda's {@code authenticatedUserPassword}.
   *
   * @param change whether the user must change the new password at the next login
   * @throws ValidationException the actor's password is wrong (field {@code
   *     authenticatedUserPassword}, rule {@code current-password}) or the new one breaks the policy
   * @throws NotFoundException no such user
   */
  void setPassword(
      Principal actor,
      Secret actorPassword,
      String userId,
      Secret newPassword,
      PasswordChange change);

  /**
   * Creates a user with a random one-time password that the user must change at the first login
   * (A2), as an operator does at the console, and returns that password (CREATE on users). The
   * caller shows it once and clears it.
   *
   * @throws ValidationException the ID breaks the ID pattern (Z7) or a profile value is invalid
   * @throws ConflictException a user with that ID exists, or existed and was deleted (Z6)
   */
  Secret createUserWithOneTimePassword(Principal actor, String userId, UserProfile profile);

  /**
   * Replaces a user's password with a random one-time password that must be changed at the next
   * login, and returns it (UPDATE on the user). The user's revision increments, so their sessions
   * and tokens end at the next request (A10). Only a trusted application may call this: it needs no
   * password of the actor, unlike {@link #setPassword}, which users call.
   *
   * @throws ForbiddenException the actor is a user, not a trusted application
   * @throws NotFoundException no such user
   */
  Secret resetToOneTimePassword(Principal actor, String userId);

  /** A page of users and the total that match (W8), restricted to those the actor may read. */
  Page<User> findUsers(Principal actor, UserQuery query);

  /**
   * Creates a group without a type; see {@link #createGroup(Principal, String, String, String)}.
   */
  default void createGroup(Principal actor, String groupId, String name) {
    createGroup(actor, groupId, name, null);
  }

  /**
   * Creates a group (CREATE on groups).
   *
   * @param type a free classification, or null
   * @throws ValidationException the ID breaks the ID pattern (Z7) or the name is empty/too long
   * @throws ConflictException a group with that ID exists, or existed and was deleted (Z6)
   */
  Group createGroup(Principal actor, String groupId, String name, @Nullable String type);

  /** The group (READ on it). @throws NotFoundException no such group */
  Group getGroup(Principal actor, String groupId);

  /** Replaces name and type (UPDATE on the group). @throws NotFoundException no such group */
  Group updateGroup(Principal actor, String groupId, String name, @Nullable String type);

  /** Deletes a group with its memberships and tombstones the ID (Z6; DELETE on the group). */
  void deleteGroup(Principal actor, String groupId);

  /** A page of groups and the total that match (W8), restricted to those the actor may read. */
  Page<Group> findGroups(Principal actor, GroupQuery query);

  /**
   * Adds a user to a group; does nothing when the user already is a member (UPDATE on the group).
   *
   * @throws NotFoundException the user or the group does not exist
   */
  void addMembership(Principal actor, String userId, String groupId);

  /**
   * Removes a user from a group (UPDATE on the group).
   *
   * @throws NotFoundException the user is not a member of the group
   */
  void removeMembership(Principal actor, String userId, String groupId);

  /**
   * Creates a tenant (CREATE on tenants).
   *
   * @throws ConflictException a tenant with that ID exists, or existed and was deleted (Z6)
   */
  Tenant createTenant(Principal actor, String tenantId, String name);

  /** The tenant (READ on it). @throws NotFoundException no such tenant */
  Tenant getTenant(Principal actor, String tenantId);

  /** Renames a tenant (UPDATE on it). @throws NotFoundException no such tenant */
  Tenant updateTenant(Principal actor, String tenantId, String name);

  /** Deletes a tenant with its memberships and tombstones the ID (Z6; DELETE on the tenant). */
  void deleteTenant(Principal actor, String tenantId);

  /** A page of tenants and the total that match (W8), restricted to those the actor may read. */
  Page<Tenant> findTenants(Principal actor, TenantQuery query);

  /** Makes a user a member of a tenant; idempotent (UPDATE on the tenant). */
  void addTenantUser(Principal actor, String tenantId, String userId);

  /** Ends a user's membership of a tenant (UPDATE on the tenant). @throws NotFoundException none */
  void removeTenantUser(Principal actor, String tenantId, String userId);

  /** Makes a group a member of a tenant; idempotent (UPDATE on the tenant). */
  void addTenantGroup(Principal actor, String tenantId, String groupId);

  /**
   * Ends a group's membership of a tenant (UPDATE on the tenant). @throws NotFoundException none
   */
  void removeTenantGroup(Principal actor, String tenantId, String groupId);

  /**
   * Purges the tombstone of a deleted ID so that it can be created again (Z6; DELETE on the kind of
   * resource, for any ID).
   *
   * @throws NotFoundException the ID is not a deleted ID of that kind
   */
  void purgeDeletedId(Principal actor, IdentityKind kind, String id);

  /**
   * Checks a password. An unknown user and a wrong password give the same outcome and cost the same
   * time, because a dummy hash is verified for unknown users (A6). {@code DISABLED} is only
   * reported after a correct password. Does not clear the secret.
   */
  AuthenticationResult authenticate(String userId, Secret password);

  /**
   * Changes a password after checking the current one (A11) and clears the must-change flag (A2).
   *
   * @throws ValidationException the current password is wrong (rule {@code current-password}), or
   *     the new one breaks the policy; the exception lists every rule broken (A4)
   */
  void changePassword(String userId, Secret currentPassword, Secret newPassword);

  /**
   * When no user exists, creates user {@value #INITIAL_ADMINISTRATOR} in group {@value
   * #ADMINISTRATORS_GROUP} with a random one-time password that must be changed at first login, and
   * returns that password; otherwise returns empty (A2). Safe to call at every start.
   */
  Optional<Secret> ensureInitialAdministrator();

  /** How the stored passwords are hashed (A3); counts only, for the hardening audit (O1). */
  PasswordStorage passwordStorage();

  /**
   * Stored user, group and tenant IDs that break the ID allowlist pattern (Z7), at most 20, each as
   * {@code kind:id}; empty unless IDs were written around the engine. For the hardening audit.
   */
  List<String> findInvalidIds();

  /**
   * The rules of the password policy (A4), for a client to show before the user types: the built-in
   * policy's or the custom one's.
   */
  List<PasswordRule> passwordPolicy();

  /**
   * Checks a candidate password against the policy (A4) and reports every rule with its verdict;
   * stores and logs nothing. Does not clear the secret.
   */
  PasswordCheckResult checkPassword(PasswordCandidate candidate);

  /**
   * Creates a user with a salted SHA-512 hash as Camunda 7 stores it (A3), for a migration. The
   * password policy is not applied (the password is not known); the hash is replaced by an Argon2id
   * hash at the user's next successful login, and {@code doctor} warns while any such hash remains.
   *
   * @throws ValidationException the ID or the profile is invalid, or the hash is not {@code
   *     {SHA-512}} with 88 Base64 characters (rule {@code sha512-hash}), or the salt is longer than
   *     255 characters (rule {@code salt})
   * @throws ConflictException a user with that ID exists or existed (Z6)
   */
  User importUser(Principal actor, ImportedUser user);

  /**
   * Confirms that a password check which succeeded earlier still stands, without hashing the
   * password again (for short-lived caches of verified credentials, A10): the principal with the
   * user's current groups while the user exists, is enabled, needs no password change and is still
   * at {@code revision} (read before that check; any change of the user changes it); empty
   * otherwise, and always empty for a provider that cannot tell, so a cache then checks in full.
   * The same statement reads the location rules' version (Z4), so that the request needs no
   * statement of its own for it (issue 14).
   */
  default Optional<ConfirmedPrincipal> confirmAuthenticated(String userId, long revision) {
    return Optional.empty();
  }
}

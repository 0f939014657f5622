package io.bulwark.engine.api;

import java.util.Optional;

/**
 * Users, groups and passwords stored in the engine's database (A3, A6, Z7). Thread-safe. Each
 * method runs in its own transaction.
 *
 * <p>Authorization (Z2) is not enforced yet: the acting {@link Principal} is accepted and will be
 * checked once the authorization service exists. Callers pass it now so that their code does not
 * change then.
 */
public interface IdentityService {

  /** The group whose members administer Bulwark. */
  String ADMINISTRATORS_GROUP = "bulwark-admins";

  /** The ID of the user created by {@link #ensureInitialAdministrator()}. */
  String INITIAL_ADMINISTRATOR = "admin";

  /**
   * Creates a user with an Argon2id-hashed password (A3).
   *
   * @throws ValidationException the ID breaks the ID pattern (Z7), the display name is empty or too
   *     long, or the password breaks the policy (A4)
   * @throws ConflictException a user with that ID exists
   */
  User createUser(Principal actor, NewUser newUser);

  /** The user with that ID, or empty. */
  Optional<User> findUser(String userId);

  /**
   * Creates a group.
   *
   * @throws ValidationException the ID breaks the ID pattern (Z7) or the name is empty/too long
   * @throws ConflictException a group with that ID exists
   */
  void createGroup(Principal actor, String groupId, String name);

  /**
   * Adds a user to a group; does nothing when the user already is a member.
   *
   * @throws NotFoundException the user or the group does not exist
   */
  void addMembership(Principal actor, String userId, String groupId);

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
}

package io.bulwark.engine.identity;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.AuthenticationResult;
import io.bulwark.engine.api.ConfirmedPrincipal;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.EmailVerification;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.ImportedUser;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.OwnProfileChange;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordCheckResult;
import io.bulwark.engine.api.PasswordPolicySettings;
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.api.TenantQuery;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.api.spi.PasswordEncoder;
import io.bulwark.engine.api.spi.PasswordPolicy;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.identity.LoadCredentialsCommand.Credentials;
import io.bulwark.engine.identity.PasswordHasher.Verification;
import io.bulwark.engine.identity.TenantRepository.Members;
import io.bulwark.engine.identity.UpdateOwnProfileCommand.PendingEmail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link IdentityService} over the engine's own tables. Every operation is a command of the one
 * {@link CommandExecutor}; password hashing and verification run outside its transactions so that a
 * slow hash does not hold a connection. Thread-safe.
 */
public final class DatabaseIdentityService implements IdentityService {

  /** The actor of operations that have no principal yet: authentication and the first start. */
  static final Actor SYSTEM = Actor.system("identity");

  private final CommandExecutor executor;
  private final UserEmails emails;
  private final Clock clock;
  private final Passwords passwords;
  private final OneTimePasswords oneTimePasswords = new OneTimePasswords();
  private final AccessTokens emailLinks = new AccessTokens();

  /**
   * The hash verified for unknown users, so that they cost the same time (A6). Made on the first
   * password check, not at construction: Argon2id keeps its 19 MiB block template for the life of
   * the process once used, and an embedded engine that never checks a password should not pay it.
   */
  private volatile @Nullable String dummyHash;

  /** With the built-in password policy at its baseline settings (A4). */
  public DatabaseIdentityService(CommandExecutor executor, Clock clock) {
    this(executor, clock, new BaselinePasswordPolicy(PasswordPolicySettings.defaults()));
  }

  /**
   * @param policy the password policy (A4): the built-in {@link BaselinePasswordPolicy} or a custom
   *     one
   */
  public DatabaseIdentityService(CommandExecutor executor, Clock clock, PasswordPolicy policy) {
    this(executor, clock, policy, Optional.empty());
  }

  /**
   * @param policy the password policy (A4): the built-in {@link BaselinePasswordPolicy} or a custom
   *     one
   * @param encoder an encoder that makes new password hashes instead of the built-in Argon2id (A3)
   * @throws ValidationException the encoder's scheme is not a valid label
   */
  public DatabaseIdentityService(
      CommandExecutor executor,
      Clock clock,
      PasswordPolicy policy,
      Optional<PasswordEncoder> encoder) {
    this(executor, clock, policy, encoder, UserEmails.clear());
  }

  /**
   * @param policy the password policy (A4): the built-in {@link BaselinePasswordPolicy} or a custom
   *     one
   * @param encoder an encoder that makes new password hashes instead of the built-in Argon2id (A3)
   * @param emails how users' e-mail addresses are stored: encrypted with a key store, else in clear
   *     (D1)
   * @throws ValidationException the encoder's scheme is not a valid label
   */
  public DatabaseIdentityService(
      CommandExecutor executor,
      Clock clock,
      PasswordPolicy policy,
      Optional<PasswordEncoder> encoder,
      UserEmails emails) {
    this.emails = Objects.requireNonNull(emails, "emails");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.passwords = new Passwords(policy, new PasswordHasher(encoder), executor);
  }

  /** The dummy hash, made by whichever check comes first, known user or not (A6). */
  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      synchronized (this) {
        hash = dummyHash;
        if (hash == null) {
          try (Secret dummy = oneTimePasswords.next()) {
            hash = passwords.hash(dummy);
          }
          dummyHash = hash;
        }
      }
    }
    return hash;
  }

  @Override
  public User createUser(Principal actor, NewUser newUser) {
    Objects.requireNonNull(actor, "actor");
    String id = IdPattern.requireValidId("userId", newUser.id());
    UserProfile profile = IdPattern.requireValidProfile(newUser.profile());
    IdPattern.requireValidName("displayName", profile.displayNameOr(id));
    passwords.requireAcceptable(id, Passwords.nameOf(profile), newUser.password(), null);
    String hash = passwords.hash(newUser.password());
    User user =
        new User(
            id,
            profile.firstName(),
            profile.lastName(),
            profile.displayNameOr(id),
            profile.email(),
            newUser.passwordChange() == PasswordChange.REQUIRED,
            false,
            clock.instant(),
            0,
            profile.locale(),
            profile.timeZone());
    return run(actor, new CreateUserCommand(emails, user, hash));
  }

  @Override
  public Optional<User> findUser(String userId) {
    if (userId == null || !IdPattern.ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return executor.execute(SYSTEM, new FindUserCommand(emails, userId));
  }

  @Override
  public Optional<ConfirmedPrincipal> confirmAuthenticated(String userId, long revision) {
    if (userId == null || !IdPattern.ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return executor.execute(SYSTEM, new ConfirmAuthenticationCommand(userId, revision));
  }

  @Override
  public User getUser(Principal actor, String userId) {
    return run(actor, new GetUserCommand(emails, userId));
  }

  @Override
  public User updateProfile(Principal actor, String userId, UserProfile profile) {
    return run(actor, new UpdateUserProfileCommand(emails, userId, profile));
  }

  @Override
  public OwnProfileChange updateOwnProfile(
      Principal actor, UserProfile profile, @Nullable Secret currentPassword) {
    Objects.requireNonNull(actor, "actor");
    IdPattern.requireValidProfile(profile);
    if (actor.isTrustedApplication()) {
      throw new ForbiddenException("only a signed-in user has a profile of their own");
    }
    User current =
        findUser(actor.userId())
            .orElseThrow(() -> new NotFoundException("user " + actor.userId() + " not found"));
    if (!sameAddress(current.email(), profile.email())) {
      if (currentPassword == null || currentPassword.length() == 0) {
        throw ValidationException.of(
            "currentPassword",
            "current-password",
            "the currentPassword is required to change the e-mail address");
      }
      verifyCurrent(current.id(), currentPassword, "currentPassword");
      if (profile.email() != null) {
        return withEmailLink(actor, profile, profile.email(), current);
      }
    }
    return new OwnProfileChange(
        run(actor, new UpdateOwnProfileCommand(emails, profile, null)), Optional.empty());
  }

  /**
   * Stores the new names with the old address and a link for the new one (Z9): the address changes
   * only when the link mailed to it is confirmed.
   */
  private OwnProfileChange withEmailLink(
      Principal actor, UserProfile profile, String newEmail, User current) {
    Secret token = emailLinks.next();
    Instant expires = clock.instant().plus(EmailVerification.LIFETIME);
    UserProfile names = profile.withEmail(current.email());
    User updated;
    try {
      updated =
          run(
              actor,
              new UpdateOwnProfileCommand(
                  emails,
                  names,
                  new PendingEmail(AccessTokens.hash(token).orElseThrow(), newEmail, expires)));
    } catch (RuntimeException e) {
      token.clear();
      throw e;
    }
    return new OwnProfileChange(
        updated,
        Optional.of(
            new EmailVerification(updated.id(), updated.displayName(), newEmail, token, expires)));
  }

  @Override
  public String confirmEmailChange(Secret token) {
    Optional<String> hash = AccessTokens.hash(Objects.requireNonNull(token, "token"));
    if (hash.isEmpty()) {
      throw ConfirmEmailChangeCommand.invalidToken();
    }
    return executor.execute(SYSTEM, new ConfirmEmailChangeCommand(emails, hash.get()));
  }

  private static boolean sameAddress(@Nullable String a, @Nullable String b) {
    return a == null ? b == null : a.equalsIgnoreCase(b == null ? "" : b);
  }

  @Override
  public void disableUser(Principal actor, String userId) {
    run(actor, new ChangeUserStateCommand(userId, UserState.DISABLED));
  }

  @Override
  public void enableUser(Principal actor, String userId) {
    run(actor, new ChangeUserStateCommand(userId, UserState.ENABLED));
  }

  @Override
  public void deleteUser(Principal actor, String userId) {
    run(actor, new DeleteUserCommand(userId));
  }

  @Override
  public void setPassword(
      Principal actor,
      Secret actorPassword,
      String userId,
      Secret newPassword,
      PasswordChange change) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorPassword, "actorPassword");
    Objects.requireNonNull(newPassword, "newPassword");
    Objects.requireNonNull(change, "change");
    IdPattern.requireValidId("userId", userId);
    verifyCurrent(actor.userId(), actorPassword, "authenticatedUserPassword");
    passwords.requireAcceptable(userId, null, newPassword, null);
    String hash = passwords.hash(newPassword);
    run(actor, new ResetPasswordCommand(userId, hash, change));
  }

  @Override
  public Secret createUserWithOneTimePassword(Principal actor, String userId, UserProfile profile) {
    Secret password = acceptableOneTimePassword(userId, Passwords.nameOf(profile));
    try {
      createUser(actor, new NewUser(userId, profile, password, PasswordChange.REQUIRED));
      return password;
    } catch (RuntimeException e) {
      password.clear();
      throw e;
    }
  }

  @Override
  public Secret resetToOneTimePassword(Principal actor, String userId) {
    Objects.requireNonNull(actor, "actor");
    IdPattern.requireValidId("userId", userId);
    if (!actor.isTrustedApplication()) {
      throw new ForbiddenException(
          "only a trusted application resets a password without the actor's own");
    }
    Secret password = acceptableOneTimePassword(userId, null);
    try {
      String hash = passwords.hash(password);
      run(actor, new ResetPasswordCommand(userId, hash, PasswordChange.REQUIRED));
      return password;
    } catch (RuntimeException e) {
      password.clear();
      throw e;
    }
  }

  /**
   * A random one-time password the policy accepts for this user (A4): a draw that happens to
   * contain the user's ID or name is drawn again.
   */
  private Secret acceptableOneTimePassword(String userId, @Nullable String name) {
    for (int attempt = 1; ; attempt++) {
      Secret password = oneTimePasswords.next();
      try {
        passwords.requireAcceptable(userId, name, password, null);
        return password;
      } catch (ValidationException refused) {
        password.clear();
        if (attempt == 10) {
          throw refused;
        }
      }
    }
  }

  @Override
  public Page<User> findUsers(Principal actor, UserQuery query) {
    return run(actor, new FindUsersCommand(emails, query));
  }

  @Override
  public Group createGroup(Principal actor, String groupId, String name, @Nullable String type) {
    return run(actor, new CreateGroupCommand(groupId, name, type));
  }

  @Override
  public Group getGroup(Principal actor, String groupId) {
    return run(actor, new GetGroupCommand(groupId));
  }

  @Override
  public Group updateGroup(Principal actor, String groupId, String name, @Nullable String type) {
    return run(actor, new UpdateGroupCommand(groupId, name, type));
  }

  @Override
  public void deleteGroup(Principal actor, String groupId) {
    run(actor, new DeleteGroupCommand(groupId));
  }

  @Override
  public Page<Group> findGroups(Principal actor, GroupQuery query) {
    return run(actor, new FindGroupsCommand(query));
  }

  @Override
  public void addMembership(Principal actor, String userId, String groupId) {
    run(actor, new GroupMembershipCommand(userId, groupId, MembershipChange.ADD));
  }

  @Override
  public void removeMembership(Principal actor, String userId, String groupId) {
    run(actor, new GroupMembershipCommand(userId, groupId, MembershipChange.REMOVE));
  }

  @Override
  public Tenant createTenant(Principal actor, String tenantId, String name) {
    return run(actor, new CreateTenantCommand(tenantId, name));
  }

  @Override
  public Tenant getTenant(Principal actor, String tenantId) {
    return run(actor, new GetTenantCommand(tenantId));
  }

  @Override
  public Tenant updateTenant(Principal actor, String tenantId, String name) {
    return run(actor, new UpdateTenantCommand(tenantId, name));
  }

  @Override
  public void deleteTenant(Principal actor, String tenantId) {
    run(actor, new DeleteTenantCommand(tenantId));
  }

  @Override
  public Page<Tenant> findTenants(Principal actor, TenantQuery query) {
    return run(actor, new FindTenantsCommand(query));
  }

  @Override
  public void addTenantUser(Principal actor, String tenantId, String userId) {
    run(actor, new TenantMembershipCommand(tenantId, Members.USERS, userId, MembershipChange.ADD));
  }

  @Override
  public void removeTenantUser(Principal actor, String tenantId, String userId) {
    run(
        actor,
        new TenantMembershipCommand(tenantId, Members.USERS, userId, MembershipChange.REMOVE));
  }

  @Override
  public void addTenantGroup(Principal actor, String tenantId, String groupId) {
    run(
        actor,
        new TenantMembershipCommand(tenantId, Members.GROUPS, groupId, MembershipChange.ADD));
  }

  @Override
  public void removeTenantGroup(Principal actor, String tenantId, String groupId) {
    run(
        actor,
        new TenantMembershipCommand(tenantId, Members.GROUPS, groupId, MembershipChange.REMOVE));
  }

  @Override
  public void purgeDeletedId(Principal actor, IdentityKind kind, String id) {
    run(actor, new PurgeDeletedIdCommand(kind, id));
  }

  @Override
  public AuthenticationResult authenticate(String userId, Secret password) {
    Objects.requireNonNull(password, "password");
    String dummy = dummyHash();
    Optional<Credentials> candidate = loadCandidate(userId);
    // A6: always verify one hash, the dummy one for unknown users or users without a password.
    String hash = candidate.map(Credentials::passwordHash).orElse(dummy);
    Verification verification = passwords.verify(password, hash);
    if (!verification.matches() || candidate.isEmpty()) {
      return AuthenticationResult.refused(AuthenticationOutcome.BAD_CREDENTIALS);
    }
    User user = candidate.get().user();
    if (user.disabled()) {
      return AuthenticationResult.refused(AuthenticationOutcome.DISABLED);
    }
    // A3: an outdated or imported hash becomes the current scheme at the first successful login.
    passwords.upgradeIfOutdated(user.id(), hash, password, verification);
    Principal principal = new Principal(user.id(), candidate.get().groups());
    return AuthenticationResult.authenticated(
        principal,
        user.mustChangePassword()
            ? AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED
            : AuthenticationOutcome.SUCCESS);
  }

  @Override
  public void changePassword(String userId, Secret currentPassword, Secret newPassword) {
    Objects.requireNonNull(currentPassword, "currentPassword");
    Objects.requireNonNull(newPassword, "newPassword");
    User user = verifyCurrent(userId, currentPassword, "currentPassword");
    if (user.disabled()) {
      throw new ForbiddenException("user " + user.id() + " is disabled");
    }
    passwords.requireAcceptable(user.id(), Passwords.nameOf(user), newPassword, currentPassword);
    String newHash = passwords.hash(newPassword);
    executor.execute(SYSTEM, new ChangeOwnPasswordCommand(user.id(), user.revision(), newHash));
  }

  /**
   * Verifies a user's current password, always hashing once (A6).
   *
   * @throws ValidationException naming {@code field} and rule {@code current-password}
   */
  private User verifyCurrent(String userId, Secret password, String field) {
    String dummy = dummyHash();
    Optional<Credentials> candidate = loadCandidate(userId);
    String hash = candidate.map(Credentials::passwordHash).orElse(dummy);
    if (!passwords.verify(password, hash).matches() || candidate.isEmpty()) {
      throw ValidationException.of(field, "current-password", "the " + field + " is not correct");
    }
    return candidate.get().user();
  }

  @Override
  public Optional<Secret> ensureInitialAdministrator() {
    Secret password = oneTimePasswords.next();
    String hash = passwords.hash(password);
    User admin =
        new User(
            INITIAL_ADMINISTRATOR,
            null,
            null,
            "Administrator",
            null,
            true,
            false,
            clock.instant(),
            0);
    boolean created;
    try {
      created =
          executor.execute(SYSTEM, new EnsureInitialAdministratorCommand(emails, admin, hash));
    } catch (ConflictException raced) {
      // Another node created the first user at the same moment (O5): nothing left to do.
      created = false;
    }
    if (!created) {
      password.clear();
      return Optional.empty();
    }
    return Optional.of(password);
  }

  @Override
  public PasswordStorage passwordStorage() {
    return executor.execute(SYSTEM, passwords.countCommand());
  }

  @Override
  public List<String> findInvalidIds() {
    return executor.execute(SYSTEM, new FindInvalidIdsCommand());
  }

  @Override
  public List<PasswordRule> passwordPolicy() {
    return passwords.rules();
  }

  @Override
  public PasswordCheckResult checkPassword(PasswordCandidate candidate) {
    Objects.requireNonNull(candidate, "candidate");
    return passwords.check(candidate);
  }

  @Override
  public User importUser(Principal actor, ImportedUser imported) {
    Objects.requireNonNull(actor, "actor");
    String id = IdPattern.requireValidId("userId", imported.id());
    UserProfile profile = IdPattern.requireValidProfile(imported.profile());
    IdPattern.requireValidName("displayName", profile.displayNameOr(id));
    String stored = ImportedHashes.storedForm(imported);
    User user =
        new User(
            id,
            profile.firstName(),
            profile.lastName(),
            profile.displayNameOr(id),
            profile.email(),
            imported.passwordChange() == PasswordChange.REQUIRED,
            false,
            clock.instant(),
            0,
            profile.locale(),
            profile.timeZone());
    return run(actor, new CreateUserCommand(emails, user, stored));
  }

  private Optional<Credentials> loadCandidate(String userId) {
    if (userId == null || !IdPattern.ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return executor.execute(SYSTEM, new LoadCredentialsCommand(emails, userId));
  }

  private <T> T run(Principal principal, Command<T> command) {
    return executor.execute(executor.actorOf(principal), command);
  }
}

package io.bulwark.engine.identity;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.AuthenticationResult;
import io.bulwark.engine.api.ConflictException;
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
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.api.TenantQuery;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.engine.api.spi.ExternalDirectory.DirectoryUser;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.CommandExecutor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The database's users first, then a read-only directory's (A8). A user the database does not hold
 * is looked up in the directory at sign-in and at every request (no cache, A10): the directory
 * checks the password (never Bulwark), says whether the user is disabled, and gives the groups.
 * Directory users and groups cannot be created, changed or deleted here ({@link
 * ForbiddenException}, or {@link ConflictException} for a creation); user and group lists show both
 * ({@link DirectoryListing}); tenants, grants and every other operation are the database's. A
 * directory user's revision is derived from its entry, so a change there (groups, disabled) ends
 * their sessions and tokens at the next request, as a change in the database does. Thread-safe.
 */
public final class DirectoryIdentityService implements IdentityService {

  private final IdentityService database;
  private final ExternalDirectory directory;
  private final CommandExecutor executor;
  private final DirectoryListing listing;

  public DirectoryIdentityService(
      IdentityService database, ExternalDirectory directory, CommandExecutor executor) {
    this.database = Objects.requireNonNull(database, "database");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.listing = new DirectoryListing(database, directory, executor);
  }

  @Override
  public AuthenticationResult authenticate(String userId, Secret password) {
    Objects.requireNonNull(password, "password");
    if (database.findUser(userId).isPresent()) {
      return database.authenticate(userId, password);
    }
    Optional<DirectoryUser> user = directoryUser(userId);
    if (user.isEmpty() || password.length() == 0) {
      // A6: one password check's time either way. An empty password is never sent: LDAP takes a
      // simple bind without one as an anonymous bind, which "succeeds".
      directory.verifyUnknownUser(userId == null ? "" : userId, password);
      return AuthenticationResult.refused(AuthenticationOutcome.BAD_CREDENTIALS);
    }
    if (!directory.verifyPassword(user.get(), password)) {
      return AuthenticationResult.refused(AuthenticationOutcome.BAD_CREDENTIALS);
    }
    if (user.get().disabled()) {
      return AuthenticationResult.refused(AuthenticationOutcome.DISABLED);
    }
    return AuthenticationResult.authenticated(
        new Principal(user.get().id(), user.get().groups()), AuthenticationOutcome.SUCCESS);
  }

  @Override
  public Optional<User> findUser(String userId) {
    Optional<User> stored = database.findUser(userId);
    if (stored.isPresent()) {
      return stored;
    }
    return directoryUser(userId).map(DirectoryIdentityService::asUser);
  }

  @Override
  public User getUser(Principal actor, String userId) {
    try {
      return database.getUser(actor, userId);
    } catch (NotFoundException notInDatabase) {
      Optional<DirectoryUser> user = directoryUser(userId);
      if (user.isEmpty()) {
        throw notInDatabase;
      }
      executor.execute(
          executor.actorOf(actor), new CheckDirectoryReadCommand(ResourceType.USER, userId));
      return asUser(user.get());
    }
  }

  @Override
  public User createUser(Principal actor, NewUser newUser) {
    refuseCreation(newUser.id());
    return database.createUser(actor, newUser);
  }

  @Override
  public User importUser(Principal actor, ImportedUser user) {
    refuseCreation(user.id());
    return database.importUser(actor, user);
  }

  @Override
  public User updateProfile(Principal actor, String userId, UserProfile profile) {
    refuseChange(userId);
    return database.updateProfile(actor, userId, profile);
  }

  @Override
  public OwnProfileChange updateOwnProfile(
      Principal actor, UserProfile profile, @Nullable Secret currentPassword) {
    refuseChange(actor.userId());
    return database.updateOwnProfile(actor, profile, currentPassword);
  }

  @Override
  public String confirmEmailChange(Secret token) {
    return database.confirmEmailChange(token);
  }

  @Override
  public void disableUser(Principal actor, String userId) {
    refuseChange(userId);
    database.disableUser(actor, userId);
  }

  @Override
  public void enableUser(Principal actor, String userId) {
    refuseChange(userId);
    database.enableUser(actor, userId);
  }

  @Override
  public void deleteUser(Principal actor, String userId) {
    refuseChange(userId);
    database.deleteUser(actor, userId);
  }

  @Override
  public void setPassword(
      Principal actor,
      Secret actorPassword,
      String userId,
      Secret newPassword,
      PasswordChange change) {
    refuseChange(userId);
    database.setPassword(actor, actorPassword, userId, newPassword, change);
  }

  @Override
  public Secret createUserWithOneTimePassword(Principal actor, String userId, UserProfile profile) {
    refuseCreation(userId);
    return database.createUserWithOneTimePassword(actor, userId, profile);
  }

  @Override
  public Secret resetToOneTimePassword(Principal actor, String userId) {
    refuseChange(userId);
    return database.resetToOneTimePassword(actor, userId);
  }

  @Override
  public void changePassword(String userId, Secret currentPassword, Secret newPassword) {
    refuseChange(userId);
    database.changePassword(userId, currentPassword, newPassword);
  }

  @Override
  public Page<User> findUsers(Principal actor, UserQuery query) {
    return listing.users(actor, query);
  }

  @Override
  public Group createGroup(Principal actor, String groupId, String name, @Nullable String type) {
    if (listing.holdsGroup(groupId)) {
      throw new ConflictException(
          "group " + groupId + " exists in the " + directory.name() + " directory");
    }
    return database.createGroup(actor, groupId, name, type);
  }

  @Override
  public Group getGroup(Principal actor, String groupId) {
    try {
      return database.getGroup(actor, groupId);
    } catch (NotFoundException notInDatabase) {
      if (!listing.holdsGroup(groupId)) {
        throw notInDatabase;
      }
      executor.execute(
          executor.actorOf(actor), new CheckDirectoryReadCommand(ResourceType.GROUP, groupId));
      return DirectoryListing.asGroup(groupId);
    }
  }

  @Override
  public Group updateGroup(Principal actor, String groupId, String name, @Nullable String type) {
    refuseGroupChange(actor, groupId);
    return database.updateGroup(actor, groupId, name, type);
  }

  @Override
  public void deleteGroup(Principal actor, String groupId) {
    refuseGroupChange(actor, groupId);
    database.deleteGroup(actor, groupId);
  }

  @Override
  public Page<Group> findGroups(Principal actor, GroupQuery query) {
    return listing.groups(actor, query);
  }

  @Override
  public void addMembership(Principal actor, String userId, String groupId) {
    refuseChange(userId);
    refuseGroupChange(actor, groupId);
    database.addMembership(actor, userId, groupId);
  }

  @Override
  public void removeMembership(Principal actor, String userId, String groupId) {
    refuseChange(userId);
    refuseGroupChange(actor, groupId);
    database.removeMembership(actor, userId, groupId);
  }

  @Override
  public Tenant createTenant(Principal actor, String tenantId, String name) {
    return database.createTenant(actor, tenantId, name);
  }

  @Override
  public Tenant getTenant(Principal actor, String tenantId) {
    return database.getTenant(actor, tenantId);
  }

  @Override
  public Tenant updateTenant(Principal actor, String tenantId, String name) {
    return database.updateTenant(actor, tenantId, name);
  }

  @Override
  public void deleteTenant(Principal actor, String tenantId) {
    database.deleteTenant(actor, tenantId);
  }

  @Override
  public Page<Tenant> findTenants(Principal actor, TenantQuery query) {
    return database.findTenants(actor, query);
  }

  @Override
  public void addTenantUser(Principal actor, String tenantId, String userId) {
    database.addTenantUser(actor, tenantId, userId);
  }

  @Override
  public void removeTenantUser(Principal actor, String tenantId, String userId) {
    database.removeTenantUser(actor, tenantId, userId);
  }

  @Override
  public void addTenantGroup(Principal actor, String tenantId, String groupId) {
    database.addTenantGroup(actor, tenantId, groupId);
  }

  @Override
  public void removeTenantGroup(Principal actor, String tenantId, String groupId) {
    database.removeTenantGroup(actor, tenantId, groupId);
  }

  @Override
  public void purgeDeletedId(Principal actor, IdentityKind kind, String id) {
    database.purgeDeletedId(actor, kind, id);
  }

  @Override
  public Optional<Secret> ensureInitialAdministrator() {
    return database.ensureInitialAdministrator();
  }

  @Override
  public PasswordStorage passwordStorage() {
    return database.passwordStorage();
  }

  @Override
  public List<String> findInvalidIds() {
    return database.findInvalidIds();
  }

  @Override
  public List<PasswordRule> passwordPolicy() {
    return database.passwordPolicy();
  }

  @Override
  public PasswordCheckResult checkPassword(PasswordCandidate candidate) {
    return database.checkPassword(candidate);
  }

  private Optional<DirectoryUser> directoryUser(String userId) {
    if (userId == null || !IdPattern.ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return directory.findUser(userId);
  }

  /** A directory user is read-only here. */
  private void refuseChange(String userId) {
    if (database.findUser(userId).isEmpty() && directoryUser(userId).isPresent()) {
      throw new ForbiddenException(
          "user "
              + userId
              + " is managed in the "
              + directory.name()
              + " directory and read-only in Bulwark; change it there");
    }
  }

  /**
   * A directory group is read-only here: refused when the database does not hold the group and the
   * directory does (a database group of the same ID is the database's to change).
   */
  private void refuseGroupChange(Principal actor, String groupId) {
    if (groupId == null || !IdPattern.ID.matcher(groupId).matches()) {
      return;
    }
    boolean stored;
    try {
      database.getGroup(actor, groupId);
      stored = true;
    } catch (NotFoundException | ForbiddenException notShown) {
      stored = false;
    }
    if (!stored && listing.holdsGroup(groupId)) {
      throw new ForbiddenException(
          "group "
              + groupId
              + " is managed in the "
              + directory.name()
              + " directory and read-only in Bulwark; change it there");
    }
  }

  private void refuseCreation(String userId) {
    if (directoryUser(userId).isPresent()) {
      throw new ConflictException(
          "user " + userId + " exists in the " + directory.name() + " directory");
    }
  }

  /** The API's view of a directory user; its revision follows the entry (A10). */
  static User asUser(DirectoryUser user) {
    long revision = user.revision();
    String displayName =
        new UserProfile(user.firstName(), user.lastName(), user.displayName(), user.email())
            .displayNameOr(user.id());
    return new User(
        user.id(),
        user.firstName(),
        user.lastName(),
        displayName,
        user.email(),
        false,
        user.disabled(),
        Instant.EPOCH,
        revision);
  }
}

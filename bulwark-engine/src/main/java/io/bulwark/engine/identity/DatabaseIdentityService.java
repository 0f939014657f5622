package io.bulwark.engine.identity;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.AuthenticationResult;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.identity.IdentityRepository.UserRow;
import io.bulwark.engine.persistence.Transactions;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link IdentityService} over the engine's own tables. Password hashing and verification run
 * outside database transactions so that a slow hash does not hold a connection. Thread-safe.
 */
public final class DatabaseIdentityService implements IdentityService {

  private final Transactions transactions;
  private final Clock clock;
  private final IdentityRepository repository = new IdentityRepository();
  private final PasswordHasher hasher = new PasswordHasher();
  private final PasswordPolicy policy = new PasswordPolicy();
  private final OneTimePasswords oneTimePasswords = new OneTimePasswords();

  /**
   * The hash verified for unknown users, so that they cost the same time (A6). Made on the first
   * password check, not at construction: Argon2id keeps its 19 MiB block template for the life of
   * the process once used, and an embedded engine that never checks a password should not pay it.
   */
  private volatile String dummyHash;

  public DatabaseIdentityService(Transactions transactions, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The dummy hash, made by whichever check comes first, known user or not (A6). */
  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      synchronized (this) {
        hash = dummyHash;
        if (hash == null) {
          try (Secret dummy = oneTimePasswords.next()) {
            hash = hasher.hash(dummy);
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
    IdPattern.requireValidName("displayName", newUser.displayName());
    policy.check(id, newUser.password(), null);
    String hash = hasher.hash(newUser.password());
    User user =
        new User(
            id,
            newUser.displayName(),
            newUser.passwordChange() == NewUser.PasswordChange.REQUIRED,
            false,
            clock.instant(),
            0);
    transactions.inTransaction(
        "create user " + id,
        c -> {
          repository.insertUser(c, user, hash);
          return null;
        });
    return user;
  }

  @Override
  public Optional<User> findUser(String userId) {
    if (userId == null || !IdPattern.ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return transactions
        .inTransaction("find user " + userId, c -> repository.findUser(c, userId))
        .map(UserRow::user);
  }

  @Override
  public void createGroup(Principal actor, String groupId, String name) {
    Objects.requireNonNull(actor, "actor");
    IdPattern.requireValidId("groupId", groupId);
    IdPattern.requireValidName("name", name);
    transactions.inTransaction(
        "create group " + groupId,
        c -> {
          repository.insertGroup(c, groupId, name, clock.instant());
          return null;
        });
  }

  @Override
  public void addMembership(Principal actor, String userId, String groupId) {
    Objects.requireNonNull(actor, "actor");
    IdPattern.requireValidId("userId", userId);
    IdPattern.requireValidId("groupId", groupId);
    transactions.inTransaction(
        "add user " + userId + " to group " + groupId,
        c -> {
          if (repository.findUser(c, userId).isEmpty()) {
            throw new NotFoundException("user " + userId + " not found");
          }
          if (!repository.groupExists(c, groupId)) {
            throw new NotFoundException("group " + groupId + " not found");
          }
          repository.insertMembership(c, userId, groupId);
          return null;
        });
  }

  @Override
  public AuthenticationResult authenticate(String userId, Secret password) {
    Objects.requireNonNull(password, "password");
    String dummy = dummyHash();
    Optional<Candidate> candidate = loadCandidate(userId);
    // A6: always verify one hash, the dummy one for unknown users or users without a password.
    String hash = candidate.map(Candidate::passwordHash).orElse(dummy);
    boolean matches = hasher.verify(password, hash) && candidate.isPresent();
    if (!matches) {
      return AuthenticationResult.refused(AuthenticationOutcome.BAD_CREDENTIALS);
    }
    User user = candidate.get().user();
    if (user.disabled()) {
      return AuthenticationResult.refused(AuthenticationOutcome.DISABLED);
    }
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
    String dummy = dummyHash();
    Optional<Candidate> candidate = loadCandidate(userId);
    String hash = candidate.map(Candidate::passwordHash).orElse(dummy);
    if (!hasher.verify(currentPassword, hash) || candidate.isEmpty()) {
      throw ValidationException.of(
          "currentPassword", "current-password", "the current password is not correct");
    }
    User user = candidate.get().user();
    if (user.disabled()) {
      throw new ForbiddenException("user " + user.id() + " is disabled");
    }
    policy.check(user.id(), newPassword, currentPassword);
    String newHash = hasher.hash(newPassword);
    boolean updated =
        transactions.inTransaction(
            "change password of " + user.id(),
            c -> repository.updatePassword(c, user.id(), user.revision(), newHash));
    if (!updated) {
      throw new ConflictException("user " + user.id() + " was changed concurrently; try again");
    }
  }

  @Override
  public Optional<Secret> ensureInitialAdministrator() {
    Secret password = oneTimePasswords.next();
    String hash = hasher.hash(password);
    User admin = new User(INITIAL_ADMINISTRATOR, "Administrator", true, false, clock.instant(), 0);
    boolean created;
    try {
      created =
          transactions.inTransaction(
              "create initial administrator",
              c -> {
                if (repository.anyUserExists(c)) {
                  return false;
                }
                repository.insertUser(c, admin, hash);
                if (!repository.groupExists(c, ADMINISTRATORS_GROUP)) {
                  repository.insertGroup(
                      c, ADMINISTRATORS_GROUP, "Bulwark administrators", clock.instant());
                }
                repository.insertMembership(c, INITIAL_ADMINISTRATOR, ADMINISTRATORS_GROUP);
                return true;
              });
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
    return transactions.inTransaction(
        "count password hashes",
        c -> repository.countPasswordHashes(c, PasswordHasher.CURRENT_PREFIX));
  }

  private Optional<Candidate> loadCandidate(String userId) {
    if (userId == null || !IdPattern.ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return transactions.inTransaction(
        "load user " + userId,
        c -> {
          Optional<UserRow> row = repository.findUser(c, userId);
          if (row.isEmpty() || row.get().passwordHash() == null) {
            return Optional.empty();
          }
          Set<String> groups = repository.groupsOf(c, userId);
          return Optional.of(new Candidate(row.get().user(), row.get().passwordHash(), groups));
        });
  }

  private record Candidate(User user, String passwordHash, Set<String> groups) {}
}

package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of directory users (A8, A9, A10) on H2 and PostgreSQL: issued like a database
 * user's, refused at their next use once the directory no longer holds the user, reports them
 * disabled or changed their entry, and once the database takes the ID. The directory is a map
 * behind the SPI here; {@code LdapSignInIT} runs the same over real LDAPS.
 */
class DirectoryAccessTokenIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  /** Users by ID; the test edits them between checks. */
  private static final class MapDirectory implements ExternalDirectory {
    final Map<String, DirectoryUser> users = new ConcurrentHashMap<>();

    @Override
    public String name() {
      return "map";
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
      return Optional.ofNullable(users.get(userId));
    }

    @Override
    public boolean verifyPassword(DirectoryUser user, Secret password) {
      return false;
    }

    @Override
    public void verifyUnknownUser(String userId, Secret password) {}

    void put(boolean disabled, Set<String> groups) {
      users.put(
          "dora",
          new DirectoryUser(
              "dora", "uid=dora", "Dora", "Dir", null, "dora@example.org", disabled, groups));
    }
  }

  private static CommandExecutor executor(Database database) {
    return new CommandExecutor(database.dataSource(), new GrantChecker(), Clock.systemUTC());
  }

  @EveryDatabaseTest
  void a8_a9_a10_directoryUsersTokenLivesWhileTheDirectoryHoldsTheUserUnchanged(TestDatabase db) {
    MapDirectory directory = new MapDirectory();
    directory.put(false, Set.of("engineers"));
    try (Database database = open(db)) {
      DatabaseAccessTokenService service =
          new DatabaseAccessTokenService(
              executor(database), Clock.systemUTC(), Optional.of(directory));
      Principal dora = new Principal("dora", Set.of("engineers"));

      Secret token = service.issue(dora, LIFETIME, "10.0.0.1").token();
      AccessTokenCheck valid = service.check(token, "10.0.0.1");
      assertThat(valid.outcome()).isEqualTo(Outcome.VALID);
      assertThat(valid.principal().orElseThrow().groups()).containsExactly("engineers");
      assertThat(service.check(token, "10.0.0.2").outcome()).isEqualTo(Outcome.WRONG_CLIENT);

      directory.put(true, Set.of("engineers"));
      assertThat(service.check(token, "10.0.0.1").outcome()).isEqualTo(Outcome.USER_DISABLED);
      directory.put(false, Set.of());
      assertThat(service.check(token, "10.0.0.1").outcome()).isEqualTo(Outcome.USER_CHANGED);
      directory.users.clear();
      AccessTokenCheck gone = service.check(token, "10.0.0.1");
      assertThat(gone.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(gone.userId()).contains("dora");
    }
  }

  @EveryDatabaseTest
  void a8_a9_directoryUsersTokenIsRevokedAndEndsWhenTheDatabaseTakesTheId(TestDatabase db) {
    MapDirectory directory = new MapDirectory();
    directory.put(false, Set.of());
    try (Database database = open(db)) {
      DatabaseAccessTokenService service =
          new DatabaseAccessTokenService(
              executor(database), Clock.systemUTC(), Optional.of(directory));
      Principal dora = new Principal("dora", Set.of());
      Secret revoked = service.issue(dora, LIFETIME).token();
      Secret kept = service.issue(dora, LIFETIME).token();

      assertThat(service.revoke(revoked)).isTrue();
      assertThat(service.check(revoked).outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(service.check(kept).outcome()).isEqualTo(Outcome.VALID);

      new DatabaseIdentityService(executor(database), Clock.systemUTC())
          .createUser(
              ADMIN,
              new NewUser(
                  "dora", "Dora", Secret.of("Corvid-Lantern-58"), PasswordChange.NOT_REQUIRED));
      assertThat(service.check(kept).outcome()).isEqualTo(Outcome.USER_CHANGED);
    }
  }

  @EveryDatabaseTest
  void a8_a9_noTokenForAUserNeitherStoreHoldsEnabled(TestDatabase db) {
    MapDirectory directory = new MapDirectory();
    directory.put(true, Set.of());
    try (Database database = open(db)) {
      DatabaseAccessTokenService service =
          new DatabaseAccessTokenService(
              executor(database), Clock.systemUTC(), Optional.of(directory));

      assertThatThrownBy(() -> service.issue(new Principal("dora", Set.of()), LIFETIME))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> service.issue(new Principal("nobody", Set.of()), LIFETIME))
          .isInstanceOf(NotFoundException.class);
    }
  }

  private static Database open(TestDatabase db) {
    return Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray());
  }
}

package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * User and group lists over the database and a directory (A8, W8, Z2) on H2 and PostgreSQL: one
 * order over both, counts of both, the database's entry where an ID is in both, pages that cut the
 * merged list exactly, directory entries only for readers, and directory groups read-only.
 */
class DirectoryListingIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));

  private static IdentityService identity(Database database, MapDirectory directory) {
    CommandExecutor executor =
        new CommandExecutor(database.dataSource(), new GrantChecker(), Clock.systemUTC());
    return new DirectoryIdentityService(
        new DatabaseIdentityService(executor, Clock.systemUTC()), directory, executor);
  }

  private static void createUser(IdentityService identity, String id, String first, String last) {
    identity.createUser(
        ADMIN,
        new NewUser(
            id,
            new UserProfile(first, last, null, id + "@db.example.org"),
            Secret.of("Corvid-Lantern-58"),
            PasswordChange.NOT_REQUIRED));
  }

  private static List<String> ids(Page<User> page) {
    return page.items().stream().map(User::id).toList();
  }

  @EveryDatabaseTest
  void a8_w8_usersOfBothStoresFormOneOrderedCountedList(TestDatabase db) {
    MapDirectory directory = new MapDirectory();
    try (Database database = open(db)) {
      IdentityService identity = identity(database, directory);
      createUser(identity, "alice", "Alice", "Zeta");
      createUser(identity, "carol", "Carol", "Young");
      directory.put("alice", "Shadowed", "Directory", false, Set.of());
      directory.put("bob", "Bob", "Xavier", false, Set.of("engineers"));
      directory.put("dave", "Dave", "Able", true, Set.of());

      Page<User> all = identity.findUsers(ADMIN, withIds(Set.of("alice", "bob", "carol", "dave")));
      assertThat(ids(all)).containsExactly("alice", "bob", "carol", "dave");
      assertThat(all.total()).isEqualTo(4);
      assertThat(all.items().get(0).firstName()).as("the database's alice").isEqualTo("Alice");
      assertThat(all.items().get(3).disabled()).isTrue();

      UserQuery byLastName =
          withIds(Set.of("alice", "bob", "carol", "dave"))
              .orderBy(UserQuery.Sort.LAST_NAME, SortOrder.DESC);
      assertThat(ids(identity.findUsers(ADMIN, byLastName)))
          .containsExactly("alice", "carol", "bob", "dave");
      assertThat(ids(identity.findUsers(ADMIN, byLastName.page(1, 2))))
          .containsExactly("carol", "bob");

      assertThat(ids(identity.findUsers(ADMIN, filter("D%", null)))).containsExactly("dave");
      assertThat(ids(identity.findUsers(ADMIN, filter("_a%", null))))
          .containsExactly("carol", "dave");
      assertThat(ids(identity.findUsers(ADMIN, filter(null, "engineers")))).containsExactly("bob");
      assertThat(identity.findUsers(ADMIN, filter("*)(uid=*", null)).total()).isZero();
    }
  }

  @EveryDatabaseTest
  void w8_everyPageOfTheMergedListIsTheSliceOfTheWholeList(TestDatabase db) {
    MapDirectory directory = new MapDirectory();
    try (Database database = open(db)) {
      IdentityService identity = identity(database, directory);
      Set<String> ids = new TreeSet<>();
      for (int i = 0; i < 9; i++) {
        String id = "u" + (char) ('a' + (i * 7) % 26) + i;
        ids.add(id);
        if (i % 3 == 0) {
          directory.put(id, "D", "D" + i, false, Set.of());
        } else {
          createUser(identity, id, "B", "B" + i);
        }
      }
      UserQuery query = withIds(ids);
      List<String> whole = ids(identity.findUsers(ADMIN, query));
      assertThat(whole).containsExactlyElementsOf(new ArrayList<>(ids));
      for (int first = 0; first <= 10; first++) {
        for (int max = 1; max <= 4; max++) {
          Page<User> page = identity.findUsers(ADMIN, query.page(first, max));
          assertThat(ids(page))
              .as("page %d, %d", first, max)
              .containsExactlyElementsOf(
                  whole.subList(Math.min(first, 9), Math.min(first + max, 9)));
          assertThat(page.total()).isEqualTo(9);
        }
      }
    }
  }

  @EveryDatabaseTest
  void z2_a8_directoryEntriesAreListedOnlyForReaders(TestDatabase db) {
    MapDirectory directory = new MapDirectory();
    try (Database database = open(db)) {
      IdentityService identity = identity(database, directory);
      createUser(identity, "carol", "Carol", "Young");
      directory.put("bob", "Bob", "Xavier", false, Set.of("engineers"));
      Principal carol = new Principal("carol", Set.of());
      Principal bob = new Principal("bob", Set.of("engineers"));

      assertThat(ids(identity.findUsers(carol, UserQuery.all()))).doesNotContain("bob");
      assertThat(identity.findGroups(carol, GroupQuery.all()).items())
          .extracting(Group::id)
          .doesNotContain("engineers");
      assertThat(identity.findGroups(bob, GroupQuery.all().withMember("bob")).items())
          .extracting(Group::id)
          .containsExactly("engineers");
    }
  }

  @EveryDatabaseTest
  void a8_w8_directoryGroupsAreListedCountedAndReadOnly(TestDatabase db) {
    MapDirectory directory = new MapDirectory();
    try (Database database = open(db)) {
      IdentityService identity = identity(database, directory);
      identity.createGroup(ADMIN, "clerks", "Clerks", null);
      directory.put("bob", "Bob", "Xavier", false, Set.of("engineers", "clerks"));

      GroupQuery both =
          new GroupQuery(
              null,
              Set.of("clerks", "engineers"),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0,
              100);
      Page<Group> groups = identity.findGroups(ADMIN, both);
      assertThat(groups.items()).extracting(Group::id).containsExactly("clerks", "engineers");
      assertThat(groups.items().get(0).name()).as("the database's clerks").isEqualTo("Clerks");
      assertThat(identity.findGroups(ADMIN, both.page(0, 1)).total()).isEqualTo(2);
      assertThat(identity.getGroup(ADMIN, "engineers").name()).isEqualTo("engineers");

      assertThatThrownBy(() -> identity.updateGroup(ADMIN, "engineers", "E", null))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("read-only");
      assertThatThrownBy(() -> identity.deleteGroup(ADMIN, "engineers"))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> identity.createGroup(ADMIN, "engineers", "E", null))
          .isInstanceOf(ConflictException.class);
      identity.updateGroup(ADMIN, "clerks", "Clerks 2", null);
    }
  }

  private static UserQuery withIds(Set<String> ids) {
    return new UserQuery(
        null, ids, null, null, null, null, null, null, null, null, null, null, 0, 100);
  }

  private static UserQuery filter(String firstNameLike, String memberOfGroup) {
    return new UserQuery(
        null,
        null,
        null,
        firstNameLike,
        null,
        null,
        null,
        null,
        memberOfGroup,
        null,
        null,
        null,
        0,
        100);
  }

  private static Database open(TestDatabase db) {
    return Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray());
  }
}

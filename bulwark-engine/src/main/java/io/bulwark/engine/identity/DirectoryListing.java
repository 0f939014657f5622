package io.bulwark.engine.identity;

import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.engine.api.spi.ExternalDirectory.DirectoryGroup;
import io.bulwark.engine.api.spi.ExternalDirectory.DirectoryUser;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.CommandExecutor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User and group lists over the database and a read-only directory (A8, W8, Z2). The directory's
 * entries are filtered here exactly as the database filters its rows (equality, SQL LIKE, IDs,
 * group membership); those whose ID the database also holds are left out (the database's user or
 * group is the one that signs in and holds grants), and so are those the actor may not READ. The
 * rest merge into the database's page in its order ({@link DirectoryListMerge}); the total counts
 * both. Directory users belong to no tenant and directory groups have no type, so a list filtered
 * by tenant or type holds database rows only. Thread-safe.
 */
final class DirectoryListing {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryListing.class);

  private final IdentityService database;
  private final ExternalDirectory directory;
  private final CommandExecutor executor;

  DirectoryListing(
      IdentityService database, ExternalDirectory directory, CommandExecutor executor) {
    this.database = Objects.requireNonNull(database, "database");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  Page<User> users(Principal actor, UserQuery query) {
    List<User> found =
        query.memberOfTenant() != null
            ? List.of()
            : bounded(directory.searchUsers(query)).stream()
                .filter(user -> matches(query, user))
                .map(DirectoryIdentityService::asUser)
                .toList();
    List<User> shown = visible(actor, ResourceType.USER, found, User::id, false);
    Function<User, String> key =
        switch (query.sortBy()) {
          case ID -> User::id;
          case FIRST_NAME -> User::firstName;
          case LAST_NAME -> User::lastName;
          case EMAIL -> User::email;
        };
    return new DirectoryListMerge<>(User::id, key, this::sort)
        .page(
            shown,
            query.sortOrder(),
            query.firstResult(),
            query.maxResults(),
            (first, max) -> database.findUsers(actor, query.page(first, max)));
  }

  Page<Group> groups(Principal actor, GroupQuery query) {
    List<Group> found = List.of();
    if (query.type() == null && query.memberOfTenant() == null) {
      Predicate<String> member = memberFilter(query.member());
      found =
          bounded(directory.searchGroups(query)).stream()
              .map(DirectoryGroup::id)
              .filter(id -> matches(query, id) && member.test(id))
              .map(DirectoryListing::asGroup)
              .toList();
    }
    boolean own = query.member() != null && query.member().equals(actor.userId());
    List<Group> shown = visible(actor, ResourceType.GROUP, found, Group::id, own);
    Function<Group, String> key =
        switch (query.sortBy()) {
          case ID -> Group::id;
          case NAME -> Group::name;
          case TYPE -> Group::type;
        };
    return new DirectoryListMerge<>(Group::id, key, this::sort)
        .page(
            shown,
            query.sortOrder(),
            query.firstResult(),
            query.maxResults(),
            (first, max) -> database.findGroups(actor, query.page(first, max)));
  }

  /** The API's view of a directory group: its ID is its name; no type. */
  static Group asGroup(String id) {
    return new Group(id, id, null, Instant.EPOCH, 0);
  }

  /** Whether the directory holds a group with exactly that ID. */
  boolean holdsGroup(String groupId) {
    if (groupId == null || !IdPattern.ID.matcher(groupId).matches()) {
      return false;
    }
    return directory
        .searchGroups(
            new GroupQuery(
                groupId,
                null,
                null,
                null,
                null,
                null,
                null,
                GroupQuery.Sort.ID,
                SortOrder.ASC,
                0,
                1))
        .stream()
        .anyMatch(group -> group.id().equals(groupId));
  }

  private Predicate<String> memberFilter(@Nullable String member) {
    if (member == null) {
      return id -> true;
    }
    Set<String> groups =
        IdPattern.ID.matcher(member).matches()
            ? directory.findUser(member).map(DirectoryUser::groups).orElse(Set.of())
            : Set.of();
    return groups::contains;
  }

  private <T> List<T> visible(
      Principal actor, ResourceType type, List<T> found, Function<T, String> id, boolean own) {
    if (found.isEmpty()) {
      return found;
    }
    Set<String> shown =
        executor.execute(
            executor.actorOf(actor),
            new VisibleDirectoryIdsCommand(type, found.stream().map(id).toList(), own));
    return found.stream().filter(item -> shown.contains(id.apply(item))).toList();
  }

  private int[] sort(List<String> keys, List<String> ids, SortOrder order) {
    return executor.execute(DatabaseIdentityService.SYSTEM, new SortKeysCommand(keys, ids, order));
  }

  /** At most as many entries as one visibility check takes; the rest are logged, not shown. */
  private static <T> List<T> bounded(List<T> entries) {
    if (entries.size() <= VisibleDirectoryIdsCommand.MAX_IDS) {
      return entries;
    }
    LOG.warn(
        "directory returned {} entries for one list; only the first {} are listed (A8, W8)",
        entries.size(),
        VisibleDirectoryIdsCommand.MAX_IDS);
    return entries.subList(0, VisibleDirectoryIdsCommand.MAX_IDS);
  }

  private static boolean matches(UserQuery query, DirectoryUser user) {
    return IdPattern.ID.matcher(user.id()).matches()
        && equal(query.id(), user.id())
        && (query.ids() == null || query.ids().contains(user.id()))
        && equal(query.firstName(), user.firstName())
        && like(query.firstNameLike(), user.firstName())
        && equal(query.lastName(), user.lastName())
        && like(query.lastNameLike(), user.lastName())
        && equal(query.email(), user.email())
        && like(query.emailLike(), user.email())
        && (query.memberOfGroup() == null || user.groups().contains(query.memberOfGroup()));
  }

  private static boolean matches(GroupQuery query, String id) {
    return IdPattern.ID.matcher(id).matches()
        && equal(query.id(), id)
        && (query.ids() == null || query.ids().contains(id))
        && equal(query.name(), id)
        && like(query.nameLike(), id);
  }

  private static boolean equal(@Nullable String filter, @Nullable String value) {
    return filter == null || filter.equals(value);
  }

  private static boolean like(@Nullable String pattern, String value) {
    return pattern == null || LikePattern.matches(pattern, value);
  }
}

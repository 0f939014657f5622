package io.bulwark.engine.identity;

import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.spi.ExternalDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory behind the SPI that holds its users in a map the test edits (A8); searches return
 * every entry (a superset, as the SPI allows), so the caller's exact filtering is what is tested.
 * {@code LdapSignInIT} and {@code LdapDirectoryIT} run real LDAPS.
 */
final class MapDirectory implements ExternalDirectory {

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

  @Override
  public List<DirectoryUser> searchUsers(UserQuery query) {
    return List.copyOf(users.values());
  }

  @Override
  public List<DirectoryGroup> searchGroups(GroupQuery query) {
    Set<String> groups = new TreeSet<>();
    users.values().forEach(user -> groups.addAll(user.groups()));
    return groups.stream().map(DirectoryGroup::new).toList();
  }

  void put(String id, String firstName, String lastName, boolean disabled, Set<String> groups) {
    users.put(
        id,
        new DirectoryUser(
            id, "uid=" + id, firstName, lastName, null, id + "@example.org", disabled, groups));
  }
}

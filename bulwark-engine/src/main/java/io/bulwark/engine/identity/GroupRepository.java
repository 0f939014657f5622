package io.bulwark.engine.identity;

import io.bulwark.engine.api.Group;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Hand-written, parameterized SQL for groups and group memberships (E5). Stateless. */
final class GroupRepository {

  private static final String COLUMNS = "g.id, g.name, g.group_type, g.created, g.revision";

  /** The group list (W8): sort keys are the API's {@code GroupQuery.Sort} names. */
  static final QueryShape SHAPE =
      QueryShape.of(
          "group",
          COLUMNS,
          "bw_group g",
          Map.of("ID", "g.id", "NAME", "g.name", "TYPE", "g.group_type"),
          "g.id");

  static final RowMapper<Group> GROUP =
      rs ->
          new Group(
              rs.getString("id"),
              rs.getString("name"),
              rs.getString("group_type"),
              SqlValues.requiredInstant(rs, "created"),
              rs.getLong("revision"));

  private GroupRepository() {}

  static void insertGroup(Connection c, Group group) throws SQLException {
    IdentitySql.update(
        c,
        "INSERT INTO bw_group (id, name, group_type, created, revision) VALUES (?, ?, ?, ?, ?)",
        group.id(),
        group.name(),
        group.type(),
        group.created(),
        group.revision());
  }

  /** A group without a type, as the first start creates the administrators' group. */
  static void insertGroup(Connection c, String groupId, String name, Instant created)
      throws SQLException {
    insertGroup(c, new Group(groupId, name, null, created, 0));
  }

  static Optional<Group> findGroup(Connection c, String groupId) throws SQLException {
    return IdentitySql.first(
        c, GROUP, "SELECT " + COLUMNS + " FROM bw_group g WHERE g.id = ?", groupId);
  }

  static boolean groupExists(Connection c, String groupId) throws SQLException {
    return IdentitySql.exists(c, "SELECT 1 FROM bw_group WHERE id = ?", groupId);
  }

  /** Replaces name and type; false when no such group. */
  static boolean updateGroup(Connection c, String groupId, String name, @Nullable String type)
      throws SQLException {
    return IdentitySql.update(
            c,
            "UPDATE bw_group SET name = ?, group_type = ?, revision = revision + 1 WHERE id = ?",
            name,
            type,
            groupId)
        == 1;
  }

  /** Deletes the group and its user and tenant memberships; false when no such group. */
  static boolean deleteGroup(Connection c, String groupId) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_membership WHERE group_id = ?", groupId);
    IdentitySql.update(c, "DELETE FROM bw_tenant_group WHERE group_id = ?", groupId);
    return IdentitySql.update(c, "DELETE FROM bw_group WHERE id = ?", groupId) == 1;
  }

  /** Inserts a membership unless it exists. */
  static void insertMembership(Connection c, String userId, String groupId) throws SQLException {
    IdentitySql.update(
        c,
        "INSERT INTO bw_membership (user_id, group_id) SELECT ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM bw_membership WHERE user_id = ? AND group_id = ?)",
        userId,
        groupId,
        userId,
        groupId);
  }

  /** Removes a membership; false when there was none. */
  static boolean deleteMembership(Connection c, String userId, String groupId) throws SQLException {
    return IdentitySql.update(
            c, "DELETE FROM bw_membership WHERE user_id = ? AND group_id = ?", userId, groupId)
        == 1;
  }

  /** Deletes every group and tenant membership of a user, before the user goes. */
  static void deleteMembershipsOfUser(Connection c, String userId) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_membership WHERE user_id = ?", userId);
    IdentitySql.update(c, "DELETE FROM bw_tenant_user WHERE user_id = ?", userId);
  }

  static Set<String> groupsOf(Connection c, String userId) throws SQLException {
    return new LinkedHashSet<>(
        IdentitySql.list(
            c,
            rs -> rs.getString(1),
            "SELECT group_id FROM bw_membership WHERE user_id = ? ORDER BY group_id",
            userId));
  }
}

package io.bulwark.engine.authz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes authorization rules straight into {@code bw_authorization} for tests that need a user with
 * grants but are not about managing them.
 */
public final class TestGrants {

  private TestGrants() {}

  /** Grants ALL on every resource type to a group, as the administrators' group has (V70). */
  public static void allToGroup(DataSource dataSource, String groupId) {
    for (ResourceType type : ResourceType.values()) {
      insert(dataSource, Grant.Type.GRANT, null, groupId, type, Requirement.ANY, Permission.ALL);
    }
  }

  /** Stores one rule and returns its ID. */
  public static String insert(
      DataSource dataSource,
      Grant.Type type,
      String userId,
      String groupId,
      ResourceType resourceType,
      String resourceId,
      Permission... permissions) {
    String id = "test-" + UUID.randomUUID();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement rule =
          connection.prepareStatement(
              "INSERT INTO bw_authorization (id, rule_type, user_id, group_id, resource_type,"
                  + " resource_id, created_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, 1)")) {
        rule.setString(1, id);
        rule.setString(2, type.name());
        rule.setString(3, userId);
        rule.setString(4, groupId);
        rule.setString(5, resourceType.name());
        rule.setString(6, resourceId);
        rule.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
        rule.executeUpdate();
      }
      for (Permission permission : permissions) {
        try (PreparedStatement row =
            connection.prepareStatement(
                "INSERT INTO bw_authorization_permission (authorization_id, permission)"
                    + " VALUES (?, ?)")) {
          row.setString(1, id);
          row.setString(2, permission.name());
          row.executeUpdate();
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** Deletes one rule. */
  public static void delete(DataSource dataSource, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM bw_authorization WHERE id = ?")) {
      statement.setString(1, id);
      statement.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

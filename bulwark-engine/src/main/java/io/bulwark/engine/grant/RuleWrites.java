package io.bulwark.engine.grant;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.Permission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The checks and writes that creating and changing a rule share: no rule for a deleted ID (Z6), no
 * two equal rules, the permission rows. Hand-written, parameterized SQL (E5); stateless.
 */
final class RuleWrites {

  /** NULLs differ in a unique constraint, so equal rules of one user or group are looked up. */
  private static final String EQUAL =
      "SELECT id FROM bw_authorization WHERE rule_type = ? AND resource_type = ?"
          + " AND resource_id = ? AND COALESCE(user_id, '') = ? AND COALESCE(group_id, '') = ?"
          + " AND id <> ?";

  /** The subject's ID is the tombstone of a deleted user or group (Z6). */
  private static final String DELETED_SUBJECT =
      "SELECT 1 FROM bw_identity_id WHERE kind = ? AND id = ? AND deleted IS NOT NULL";

  private static final String INSERT_PERMISSION =
      "INSERT INTO bw_authorization_permission (authorization_id, permission) VALUES (?, ?)";

  private RuleWrites() {}

  /**
   * Refuses a rule that names a deleted user or group, or equals another stored rule.
   *
   * @throws ConflictException naming the deleted ID (Z6) or the equal rule
   */
  static void refuseConflicts(Connection c, Grant grant) throws SQLException {
    refuseDeletedSubject(c, grant);
    try (PreparedStatement equal = c.prepareStatement(EQUAL)) {
      equal.setString(1, grant.type().name());
      equal.setString(2, grant.resourceType().name());
      equal.setString(3, grant.resourceId());
      equal.setString(4, grant.userId() == null ? "" : grant.userId());
      equal.setString(5, grant.groupId() == null ? "" : grant.groupId());
      equal.setString(6, grant.id());
      try (ResultSet found = equal.executeQuery()) {
        if (found.next()) {
          throw new ConflictException(
              "an equal rule exists: "
                  + found.getString(1)
                  + "; change its permissions or delete it first");
        }
      }
    }
  }

  /** Stores the rule's permissions, one row each. */
  static void insertPermissions(Connection c, Grant grant) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT_PERMISSION)) {
      for (Permission permission : grant.permissions()) {
        insert.setString(1, grant.id());
        insert.setString(2, permission.name());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** A rule for a deleted ID would come back to life with a new identity of that ID (Z6). */
  private static void refuseDeletedSubject(Connection c, Grant grant) throws SQLException {
    boolean user = grant.userId() != null;
    String id = user ? grant.userId() : grant.groupId();
    if (id == null) {
      return;
    }
    try (PreparedStatement deleted = c.prepareStatement(DELETED_SUBJECT)) {
      deleted.setString(1, user ? "USER" : "GROUP");
      deleted.setString(2, id);
      try (ResultSet found = deleted.executeQuery()) {
        if (found.next()) {
          throw new ConflictException(
              (user ? "user " : "group ")
                  + id
                  + " was deleted: no rule may name it until an administrator purges the ID (Z6)");
        }
      }
    }
  }
}

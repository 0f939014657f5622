package io.bulwark.engine.grant;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Stores one authorization rule (Z2); an equal rule is a conflict. */
public final class CreateRuleCommand implements Command<AuthorizationRule> {

  private static final String INSERT_RULE =
      "INSERT INTO bw_authorization (id, rule_type, user_id, group_id, resource_type, resource_id,"
          + " created_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, 1)";
  private static final String INSERT_PERMISSION =
      "INSERT INTO bw_authorization_permission (authorization_id, permission) VALUES (?, ?)";

  /** NULLs differ in a unique constraint, so equal rules of one user or group are looked up. */
  private static final String EQUAL =
      "SELECT id FROM bw_authorization WHERE rule_type = ? AND resource_type = ?"
          + " AND resource_id = ? AND COALESCE(user_id, '') = ? AND COALESCE(group_id, '') = ?";

  /** The subject's ID is the tombstone of a deleted user or group (Z6). */
  private static final String DELETED_SUBJECT =
      "SELECT 1 FROM bw_identity_id WHERE kind = ? AND id = ? AND deleted IS NOT NULL";

  private final NewAuthorizationRule rule;

  public CreateRuleCommand(NewAuthorizationRule rule) {
    this.rule = rule;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.CREATE);
  }

  @Override
  public AuthorizationRule execute(CommandContext context) throws SQLException {
    Grant grant = RuleViews.parse(RowIds.next(), rule);
    refuseDeletedSubject(context, grant);
    try (PreparedStatement equal = context.connection().prepareStatement(EQUAL)) {
      equal.setString(1, grant.type().name());
      equal.setString(2, grant.resourceType().name());
      equal.setString(3, grant.resourceId());
      equal.setString(4, grant.userId() == null ? "" : grant.userId());
      equal.setString(5, grant.groupId() == null ? "" : grant.groupId());
      try (ResultSet found = equal.executeQuery()) {
        if (found.next()) {
          throw new ConflictException(
              "an equal rule exists: "
                  + found.getString(1)
                  + "; change its permissions or delete it first");
        }
      }
    }
    try (PreparedStatement insert = context.connection().prepareStatement(INSERT_RULE)) {
      insert.setString(1, grant.id());
      insert.setString(2, grant.type().name());
      insert.setString(3, grant.userId());
      insert.setString(4, grant.groupId());
      insert.setString(5, grant.resourceType().name());
      insert.setString(6, grant.resourceId());
      insert.setObject(7, OffsetDateTime.ofInstant(context.now(), ZoneOffset.UTC));
      insert.executeUpdate();
    }
    try (PreparedStatement insert = context.connection().prepareStatement(INSERT_PERMISSION)) {
      for (Permission permission : grant.permissions()) {
        insert.setString(1, grant.id());
        insert.setString(2, permission.name());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return RuleViews.view(grant);
  }

  /** A rule for a deleted ID would come back to life with a new identity of that ID (Z6). */
  private static void refuseDeletedSubject(CommandContext context, Grant grant)
      throws SQLException {
    boolean user = grant.userId() != null;
    String id = user ? grant.userId() : grant.groupId();
    if (id == null) {
      return;
    }
    try (PreparedStatement deleted = context.connection().prepareStatement(DELETED_SUBJECT)) {
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

package io.bulwark.engine.grant;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.authz.AdministratorGuard;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Stores one authorization rule (Z2); an equal rule is a conflict, a deleted subject too (Z6). */
public final class CreateRuleCommand implements Command<AuthorizationRule> {

  private static final String INSERT_RULE =
      "INSERT INTO bw_authorization (id, rule_type, user_id, group_id, resource_type, resource_id,"
          + " created_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, 1)";

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
    RuleWrites.refuseConflicts(context.connection(), grant);
    if (grant.type() == Grant.Type.REVOKE && grant.resourceType() == ResourceType.AUTHORIZATION) {
      // A revoke on the rules themselves may take the last administrator's rights away (Z5).
      return Objects.requireNonNull(
          AdministratorGuard.keepingAnAdministrator(
              context.connection(),
              "revoking " + grant.permissions() + " on AUTHORIZATION",
              () -> insert(context, grant)));
    }
    return insert(context, grant);
  }

  private static AuthorizationRule insert(CommandContext context, Grant grant) throws SQLException {
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
    RuleWrites.insertPermissions(context.connection(), grant);
    return RuleViews.view(grant);
  }
}

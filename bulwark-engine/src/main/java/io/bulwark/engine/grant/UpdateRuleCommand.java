package io.bulwark.engine.grant;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.AdministratorGuard;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.GrantRepository;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Replaces the subject, resource and permissions of one rule (Z2); its type stays. Refused like a
 * new rule for a deleted ID (Z6) or an equal rule, and refused when it would leave no enabled user
 * who administers authorizations (Z5). All or nothing.
 */
public final class UpdateRuleCommand implements Command<AuthorizationRule> {

  private static final String UPDATE =
      "UPDATE bw_authorization SET user_id = ?, group_id = ?, resource_type = ?, resource_id = ?,"
          + " rev = rev + 1 WHERE id = ?";
  private static final String DELETE_PERMISSIONS =
      "DELETE FROM bw_authorization_permission WHERE authorization_id = ?";

  private final String ruleId;
  private final NewAuthorizationRule rule;

  /**
   * @param rule the rule's new content; its type null or the stored one
   */
  public UpdateRuleCommand(String ruleId, NewAuthorizationRule rule) {
    if (rule == null) {
      throw ValidationException.of("rule", "required", "the rule's new content is required");
    }
    this.ruleId = RuleViews.requiredRuleId(ruleId);
    this.rule = rule;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.AUTHORIZATION, Permission.UPDATE, ruleId);
  }

  @Override
  public AuthorizationRule execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    Grant stored =
        GrantRepository.find(c, ruleId)
            .orElseThrow(
                () -> new NotFoundException("authorization rule " + ruleId + " not found"));
    if (rule.type() != null && !rule.type().equals(stored.type().name())) {
      throw ValidationException.of(
          "type", "unchanged", "a rule's type cannot change; delete it and create another");
    }
    Grant grant =
        RuleViews.parse(
            ruleId,
            new NewAuthorizationRule(
                stored.type().name(),
                rule.userId(),
                rule.groupId(),
                rule.resourceType(),
                rule.resourceId(),
                rule.permissions()));
    RuleWrites.refuseConflicts(c, grant);
    AuthorizationRule changed =
        AdministratorGuard.keepingAnAdministrator(
            c,
            "changing authorization rule " + ruleId,
            () -> {
              try (PreparedStatement update = c.prepareStatement(UPDATE)) {
                update.setString(1, grant.userId());
                update.setString(2, grant.groupId());
                update.setString(3, grant.resourceType().name());
                update.setString(4, grant.resourceId());
                update.setString(5, ruleId);
                update.executeUpdate();
              }
              try (PreparedStatement delete = c.prepareStatement(DELETE_PERMISSIONS)) {
                delete.setString(1, ruleId);
                delete.executeUpdate();
              }
              RuleWrites.insertPermissions(c, grant);
              return RuleViews.view(grant);
            });
    return Objects.requireNonNull(changed);
  }
}

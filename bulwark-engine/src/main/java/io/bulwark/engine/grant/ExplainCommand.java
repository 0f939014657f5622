package io.bulwark.engine.grant;

import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.Subject;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Answers "may user U do P on R?" with the deciding rule (Z8), through the same checker that
 * decides the user's own calls, with the groups the database holds for the user.
 */
public final class ExplainCommand implements Command<AccessAnswer> {

  private static final String GROUPS = "SELECT group_id FROM bw_membership WHERE user_id = ?";

  private final String userId;
  private final Requirement.PermissionCheck check;

  public ExplainCommand(
      @Nullable String userId,
      @Nullable String permission,
      @Nullable String resourceType,
      @Nullable String resourceId) {
    this.userId = RuleViews.requiredId("userId", userId);
    this.check = RuleViews.check(permission, resourceType, resourceId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.READ);
  }

  @Override
  public AccessAnswer execute(CommandContext context) throws SQLException {
    Decision decision =
        context.explain(new Subject(userId, groupsOf(context.connection(), userId)), check);
    return RuleViews.answer(context.connection(), decision);
  }

  /** The groups the database holds for a user, as explain uses them (also for locations, Z4). */
  public static Set<String> groupsOf(Connection c, String userId) throws SQLException {
    Set<String> groups = new HashSet<>();
    try (PreparedStatement statement = c.prepareStatement(GROUPS)) {
      statement.setString(1, userId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          groups.add(rows.getString(1));
        }
      }
    }
    return groups;
  }
}

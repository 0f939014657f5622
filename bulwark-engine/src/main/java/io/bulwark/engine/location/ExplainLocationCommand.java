package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationDecision;
import io.bulwark.engine.api.LocationRuleSet;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which location rule decides for a user (null: anonymous) on a path (Z4, Z8), with the groups the
 * database holds for the user; READ on AUTHORIZATION *.
 */
public final class ExplainLocationCommand implements Command<LocationDecision> {

  private static final String GROUPS = "SELECT group_id FROM bw_membership WHERE user_id = ?";
  private static final int MAX_PATH = 2048;

  private final @Nullable String userId;
  private final String path;

  public ExplainLocationCommand(@Nullable String userId, String path) {
    if (path == null || !path.startsWith("/") || path.length() > MAX_PATH) {
      throw ValidationException.of(
          "path", "absolute-path", "path must start with '/' and have at most 2048 characters");
    }
    this.userId = userId == null || userId.isEmpty() ? null : userId;
    this.path = path;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.READ);
  }

  @Override
  public LocationDecision execute(CommandContext context) throws SQLException {
    LocationRuleSet rules =
        new LocationRuleSet(0, LocationRuleRepository.rules(context.connection()));
    return rules.decide(path, userId, userId == null ? Set.of() : groups(context, userId));
  }

  private static Set<String> groups(CommandContext context, String userId) throws SQLException {
    Set<String> groups = new HashSet<>();
    try (PreparedStatement statement = context.connection().prepareStatement(GROUPS)) {
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

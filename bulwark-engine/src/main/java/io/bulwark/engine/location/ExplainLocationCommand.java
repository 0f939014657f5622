package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationDecision;
import io.bulwark.engine.api.LocationRuleSet;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.grant.ExplainCommand;
import java.sql.SQLException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which location rule decides for a user (null: anonymous) on a path (Z4, Z8), with the groups the
 * database holds for the user; READ on AUTHORIZATION *.
 */
public final class ExplainLocationCommand implements Command<LocationDecision> {

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
    return rules.decide(
        path,
        userId,
        userId == null ? Set.of() : ExplainCommand.groupsOf(context.connection(), userId));
  }
}

package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * One decision definition by ID, or the latest version of a key (in one tenant when named); not
 * found when the actor may not read it (Z2).
 */
record GetDecisionDefinitionCommand(
    @Nullable String definitionId, @Nullable String key, @Nullable String tenantId)
    implements Command<DecisionDefinition> {

  @Override
  public Requirement requirement() {
    return Requirement.none("the DECISION_DEFINITION READ list filter decides; unreadable is 404");
  }

  @Override
  public DecisionDefinition execute(CommandContext context) throws SQLException {
    return definitionId != null
        ? DecisionQueries.readable(context, definitionId)
        : DecisionQueries.latest(
            context, java.util.Objects.requireNonNull(key, "by ID or by key"), tenantId);
  }
}

package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ResourceData;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The DMN resource a readable decision definition was deployed from (Z2: else not found). */
record ReadDecisionXmlCommand(String definitionId) implements Command<ResourceData> {

  @Override
  public Requirement requirement() {
    return Requirement.none("the DECISION_DEFINITION READ list filter decides; unreadable is 404");
  }

  @Override
  public ResourceData execute(CommandContext context) throws SQLException {
    DecisionDefinition definition = DecisionQueries.readable(context, definitionId);
    try (PreparedStatement statement =
        context
            .connection()
            .prepareStatement(
                "SELECT id, name, deployment_id, bytes FROM bw_resource"
                    + " WHERE deployment_id = ? AND name = ?")) {
      statement.setString(1, definition.deploymentId());
      statement.setString(2, definition.resourceName());
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("decision definition " + definitionId + " not found");
        }
        return new ResourceData(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
      }
    }
  }
}

package io.bulwark.engine.deployment;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The BPMN XML a definition was deployed from, as stored at deployment (already parsed by the
 * hardened reader, E1). Needs READ on the definition's key.
 */
public final class GetProcessModelCommand implements Command<String> {

  private final String definitionId;

  public GetProcessModelCommand(String definitionId) {
    this.definitionId = definitionId;
  }

  @Override
  public Requirement requirement() {
    // Grants name a definition by its key (Z2): by ID, the key is known only once it is read.
    return Requirement.none("checks READ on the definition's key once it has read the definition");
  }

  @Override
  public String execute(CommandContext context) throws SQLException {
    ProcessDefinition definition =
        new DeploymentRepository(context.connection(), null).byId(definitionId);
    context.authorize(
        Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.READ, definition.key()));
    try (PreparedStatement statement =
        context
            .connection()
            .prepareStatement(
                "SELECT bytes FROM bw_resource WHERE deployment_id = ? AND name = ?")) {
      statement.setString(1, definition.deploymentId());
      statement.setString(2, definition.resourceName());
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("process definition " + definitionId + " has no model");
        }
        return new String(rs.getBytes(1), StandardCharsets.UTF_8);
      }
    }
  }
}

package io.bulwark.engine.deployment;

import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ResourceData;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The diagram image of a process definition, found as Camunda finds it: a resource of the same
 * deployment named after the BPMN resource, {@code <base>.<processKey>.png} first, then {@code
 * <base>.png}. Only PNG images count: they are the only images a deployment takes, checked for
 * their content (W12). A definition the actor may not read is not found (Z2); one without an image
 * answers empty.
 */
record ReadDiagramCommand(String definitionId) implements Command<Optional<ResourceData>> {

  private static final List<String> BPMN_SUFFIXES = List.of(".bpmn20.xml", ".bpmn");

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "the PROCESS_DEFINITION READ list filter decides; unreadable is not found");
  }

  @Override
  public Optional<ResourceData> execute(CommandContext context) throws SQLException {
    ProcessDefinition definition = DeploymentQueries.readableDefinition(context, definitionId);
    String base = baseName(definition.resourceName());
    String withKey = base + "." + definition.key() + ".png";
    String plain = base + ".png";
    try (PreparedStatement statement =
        context
            .connection()
            .prepareStatement(
                "SELECT id, name, deployment_id, bytes FROM bw_resource"
                    + " WHERE deployment_id = ? AND name IN (?, ?)")) {
      statement.setString(1, definition.deploymentId());
      statement.setString(2, withKey);
      statement.setString(3, plain);
      ResourceData found = null;
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          var image =
              new ResourceData(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
          if (found == null || image.name().equals(withKey)) {
            found = image;
          }
        }
      }
      return Optional.ofNullable(found);
    }
  }

  private static String baseName(String resourceName) {
    for (String suffix : BPMN_SUFFIXES) {
      if (resourceName.endsWith(suffix)) {
        return resourceName.substring(0, resourceName.length() - suffix.length());
      }
    }
    return resourceName;
  }
}

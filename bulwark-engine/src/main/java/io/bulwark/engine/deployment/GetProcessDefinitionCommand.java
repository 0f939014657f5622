package io.bulwark.engine.deployment;

import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Reads one definition by id, or the latest version of a key (exactly one is given). */
public final class GetProcessDefinitionCommand implements Command<ProcessDefinition> {

  private final String id;
  private final String key;

  private GetProcessDefinitionCommand(String id, String key) {
    this.id = id;
    this.key = key;
  }

  public static GetProcessDefinitionCommand byId(String id) {
    return new GetProcessDefinitionCommand(id, null);
  }

  public static GetProcessDefinitionCommand latestOf(String key) {
    return new GetProcessDefinitionCommand(null, key);
  }

  @Override
  public Requirement requirement() {
    return id != null
        ? Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.READ, id)
        : Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.READ, key);
  }

  @Override
  public ProcessDefinition execute(CommandContext context) throws SQLException {
    DeploymentRepository repository = new DeploymentRepository(context.connection(), null);
    return id != null ? repository.byId(id) : repository.latest(key);
  }
}

package io.bulwark.engine.deployment;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads one definition by id, or the latest version of a key (exactly one is given). */
public final class GetProcessDefinitionCommand implements Command<ProcessDefinition> {

  private final @Nullable String id;
  private final @Nullable String key;

  private GetProcessDefinitionCommand(@Nullable String id, @Nullable String key) {
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
    // Grants name a definition by its key (Z2): by ID, the key is known only once it is read.
    return id != null
        ? Requirement.none("checks READ on the definition's key once it has read the definition")
        : Requirement.of(
            ResourceType.PROCESS_DEFINITION,
            Permission.READ,
            Objects.requireNonNull(key, "a definition is looked up by ID or key"));
  }

  @Override
  public ProcessDefinition execute(CommandContext context) throws SQLException {
    DeploymentRepository repository = new DeploymentRepository(context.connection(), null);
    if (id == null) {
      return repository.latest(Objects.requireNonNull(key, "latestOf(key) gives the key"));
    }
    ProcessDefinition definition = repository.byId(id);
    if (definition.tenantId() != null && !DeploymentQueries.ofOwnTenant(context, id)) {
      // Another tenant's definition answers exactly like a missing one (Z3).
      throw new NotFoundException("process definition " + id + " does not exist");
    }
    context.authorize(
        Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.READ, definition.key()));
    return definition;
  }
}

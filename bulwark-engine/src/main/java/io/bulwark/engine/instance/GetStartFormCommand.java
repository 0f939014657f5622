package io.bulwark.engine.instance;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.StartForm;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.bpmn.model.FormField;
import io.bulwark.engine.bpmn.model.NodeForm;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.form.NodeForms;
import io.bulwark.engine.runtime.DeployedProcess;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the start form of a definition from its model (W10); no expression is evaluated. Needs READ
 * or START_INSTANCE on the definition's key (Z2): those who may read the definition or start it see
 * its form; to anyone else the definition answers like a missing one (Z3).
 */
public final class GetStartFormCommand implements Command<StartForm> {

  private final ProcessRuntime runtime;
  private final @Nullable String definitionId;
  private final @Nullable String key;

  private GetStartFormCommand(
      ProcessRuntime runtime, @Nullable String definitionId, @Nullable String key) {
    this.runtime = runtime;
    this.definitionId = definitionId;
    this.key = key;
  }

  /** The start form of one definition. */
  public static GetStartFormCommand byId(ProcessRuntime runtime, String definitionId) {
    return new GetStartFormCommand(runtime, definitionId, null);
  }

  /** The start form of the latest version of a key. */
  public static GetStartFormCommand latestOf(ProcessRuntime runtime, String key) {
    return new GetStartFormCommand(runtime, null, key);
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("checks READ or START_INSTANCE on the definition's key once read");
  }

  @Override
  public StartForm execute(CommandContext context) throws SQLException {
    DeployedProcess process =
        key != null
            ? runtime.latest(context, key, null)
            : runtime
                .definitions()
                .get(
                    context.connection(),
                    Objects.requireNonNull(definitionId, "a start form is read by key or ID"));
    if (process.tenantId() != null
        && !context.ofOwnTenant(
            "bw_process_definition p",
            "p.id",
            ListTarget.TenantOf.column("p.tenant_id"),
            process.definitionId())) {
      // Another tenant's definition answers like a missing one (Z3).
      throw new NotFoundException("process definition " + definitionId + " does not exist");
    }
    try {
      context.authorize(
          Requirement.anyOf(
              Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.READ, process.key()),
              Requirement.of(
                  ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE, process.key())));
    } catch (AuthorizationDeniedException hidden) {
      // A definition the actor may neither read nor start answers like a missing one (Z3).
      throw new NotFoundException(
          key != null
              ? "no process definition with key " + key
              : "process definition " + definitionId + " does not exist");
    }
    NodeForm form = StartForms.of(process);
    List<FormField> fields =
        NodeForms.fields(runtime.forms(), context.connection(), form, process.deploymentId());
    NodeForms.Found camunda =
        NodeForms.camundaForm(runtime.forms(), context.connection(), form, process.deploymentId());
    Map<String, Object> defaults = new LinkedHashMap<>();
    NodeForms.putDefaults(fields, defaults);
    return new StartForm(
        process.definitionId(),
        process.key(),
        form.formKey(),
        NodeForms.views(fields),
        camunda == null ? null : NodeForms.view(camunda),
        defaults);
  }
}

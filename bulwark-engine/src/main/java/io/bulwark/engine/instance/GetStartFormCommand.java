package io.bulwark.engine.instance;

import io.bulwark.engine.api.StartForm;
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

/**
 * Reads the start form of a definition from its model (W10); no expression is evaluated. Needs READ
 * or START_INSTANCE on the definition's key (Z2): those who may read the definition or start it see
 * its form.
 */
public final class GetStartFormCommand implements Command<StartForm> {

  private final ProcessRuntime runtime;
  private final String definitionId;

  public GetStartFormCommand(ProcessRuntime runtime, String definitionId) {
    this.runtime = runtime;
    this.definitionId = definitionId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("checks READ or START_INSTANCE on the definition's key once read");
  }

  @Override
  public StartForm execute(CommandContext context) throws SQLException {
    DeployedProcess process = runtime.definitions().get(context.connection(), definitionId);
    context.authorize(
        Requirement.anyOf(
            Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.READ, process.key()),
            Requirement.of(
                ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE, process.key())));
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

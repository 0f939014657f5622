package io.bulwark.engine.task;

import io.bulwark.engine.api.CamundaFormView;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.form.NodeForms;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.SQLException;
import java.util.Optional;

/** Reads the Camunda Form of one task (issue 15); empty when its model names none. */
public final class GetCamundaFormCommand implements Command<Optional<CamundaFormView>> {

  private final ProcessRuntime runtime;
  private final String taskId;

  public GetCamundaFormCommand(ProcessRuntime runtime, String taskId) {
    this.runtime = runtime;
    this.taskId = taskId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TASK, Permission.READ, taskId);
  }

  @Override
  public Optional<CamundaFormView> execute(CommandContext context) throws SQLException {
    NodeForms.Found found =
        TaskForms.camundaForm(
            runtime, context.connection(), TaskRepository.find(context.connection(), taskId));
    return Optional.ofNullable(found).map(NodeForms::view);
  }
}

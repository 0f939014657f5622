package io.bulwark.engine.instance;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.DeployedProcess;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Starts an instance at the none start event of the latest version of a key, or of a definition,
 * after checking the variables against the event's start form, if it has one (W10).
 */
public final class StartProcessInstanceCommand implements Command<ProcessInstance> {

  private final ProcessRuntime runtime;
  private final StartInstanceRequest request;

  public StartProcessInstanceCommand(ProcessRuntime runtime, StartInstanceRequest request) {
    this.runtime = runtime;
    this.request = request;
  }

  @Override
  public Requirement requirement() {
    // Grants name a definition by its key (Z2): by ID, the key is known only once it is read.
    return request.processDefinitionKey() != null
        ? Requirement.of(
            ResourceType.PROCESS_DEFINITION,
            Permission.START_INSTANCE,
            request.processDefinitionKey())
        : Requirement.none("checks START_INSTANCE on the definition's key once it has read it");
  }

  @Override
  public ProcessInstance execute(CommandContext context) throws SQLException {
    DeployedProcess process =
        request.processDefinitionKey() != null
            ? runtime.latest(context, request.processDefinitionKey(), request.tenantId())
            : runtime
                .definitions()
                .get(
                    context.connection(),
                    Objects.requireNonNull(
                        request.processDefinitionId(), "a start names a definition key or ID"));
    if (request.processDefinitionKey() == null) {
      context.authorize(
          Requirement.of(
              ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE, process.key()));
    }
    if (process.tenantId() != null && !TenantAccess.mayStart(context, process.definitionId())) {
      // Answered like a missing definition, so another tenant's definitions do not leak (Z3).
      throw new NotFoundException(
          request.processDefinitionKey() != null
              ? "no process definition with key "
                  + process.key()
                  + " in tenant "
                  + process.tenantId()
              : "process definition " + process.definitionId() + " does not exist");
    }
    StartEvent start = process.model().noneStartEvent(process.key());
    if (start == null) {
      throw new ValidationException(
          "process " + process.key() + " has no none start event; start it by message or timer");
    }
    StartForms.check(runtime, context.connection(), process, start, request.variables());
    RuntimeSession session = runtime.session(context);
    InstanceState instance =
        session.startInstance(process, start, request.businessKey(), request.variables(), null);
    session
        .history()
        .operation(
            "Start",
            HistoryRecorder.Entity.PROCESS_INSTANCE,
            instance.id(),
            instance.id(),
            process.definitionId());
    session.run();
    return new ProcessInstance(
        instance.id(),
        process.definitionId(),
        process.key(),
        request.businessKey(),
        instance.isEnded());
  }
}

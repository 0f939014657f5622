package io.bulwark.engine.instance;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import java.sql.SQLException;

/** Cancels a running instance, its tasks, jobs, subscriptions and the instances it called. */
public final class DeleteProcessInstanceCommand implements Command<Void> {

  private final ProcessRuntime runtime;
  private final String instanceId;
  private final String reason;

  public DeleteProcessInstanceCommand(ProcessRuntime runtime, String instanceId, String reason) {
    this.runtime = runtime;
    this.instanceId = instanceId;
    this.reason = reason;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.DELETE, instanceId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    RuntimeSession session = runtime.session(context);
    InstanceState instance = session.instance(instanceId);
    session.cancelInstance(instance, reason == null ? "deleted" : reason);
    session
        .history()
        .operation(
            "Delete", HistoryRecorder.Entity.PROCESS_INSTANCE, instanceId, instanceId, reason);
    return null;
  }
}

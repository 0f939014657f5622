package io.bulwark.engine.instance;

import io.bulwark.engine.api.ProcessInstanceQuery.Suspension;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Suspends or activates a running instance (UPDATE on it): its executions, jobs and external tasks
 * are marked, so that its tasks cannot be completed, its jobs are not acquired, its external tasks
 * are not fetched and messages do not reach it until it is activated again. The instance's root row
 * is locked first, as every command on an instance does.
 */
public final class SuspendProcessInstanceCommand implements Command<Void> {

  private static final String[] TABLES = {"bw_execution", "bw_job", "bw_external_task"};

  private final ProcessRuntime runtime;
  private final String instanceId;
  private final Suspension state;

  public SuspendProcessInstanceCommand(
      ProcessRuntime runtime, String instanceId, Suspension state) {
    this.runtime = runtime;
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.state = Objects.requireNonNull(state, "state");
  }

  @Override
  public Requirement requirement() {
    // One check, so that an instance the actor may not read is not found (Z3).
    return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.UPDATE, instanceId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    RuntimeSession session = runtime.session(context);
    InstanceState instance = session.instance(instanceId);
    boolean suspend = state == Suspension.SUSPENDED;
    for (String table : TABLES) {
      try (PreparedStatement update =
          context
              .connection()
              .prepareStatement(
                  "UPDATE " + table + " SET suspended = ? WHERE process_instance_id = ?")) {
        update.setBoolean(1, suspend);
        update.setString(2, instance.id());
        update.executeUpdate();
      }
    }
    session
        .history()
        .operation(
            suspend ? "Suspend" : "Activate",
            HistoryRecorder.Entity.PROCESS_INSTANCE,
            instanceId,
            instanceId,
            null);
    return null;
  }
}

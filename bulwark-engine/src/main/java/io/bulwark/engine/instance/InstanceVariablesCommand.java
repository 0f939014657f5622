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
import java.util.Map;

/** Reads (READ) or sets (UPDATE) the variables of a running instance; returns them afterwards. */
public final class InstanceVariablesCommand implements Command<Map<String, Object>> {

  private final ProcessRuntime runtime;
  private final String instanceId;
  private final Map<String, Object> changes;

  private InstanceVariablesCommand(
      ProcessRuntime runtime, String instanceId, Map<String, Object> changes) {
    this.runtime = runtime;
    this.instanceId = instanceId;
    this.changes = changes;
  }

  public static InstanceVariablesCommand read(ProcessRuntime runtime, String instanceId) {
    return new InstanceVariablesCommand(runtime, instanceId, null);
  }

  public static InstanceVariablesCommand set(
      ProcessRuntime runtime, String instanceId, Map<String, Object> changes) {
    return new InstanceVariablesCommand(runtime, instanceId, Map.copyOf(changes));
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(
        ResourceType.PROCESS_INSTANCE,
        changes == null ? Permission.READ : Permission.UPDATE,
        instanceId);
  }

  @Override
  public Map<String, Object> execute(CommandContext context) throws SQLException {
    RuntimeSession session = runtime.session(context);
    InstanceState instance = session.instance(instanceId);
    if (changes != null) {
      session.setVariables(instance, changes);
      session
          .history()
          .operation(
              "SetVariables",
              HistoryRecorder.Entity.PROCESS_INSTANCE,
              instanceId,
              instanceId,
              String.join(",", new java.util.TreeSet<>(changes.keySet())));
    }
    return session.variables(instance);
  }
}

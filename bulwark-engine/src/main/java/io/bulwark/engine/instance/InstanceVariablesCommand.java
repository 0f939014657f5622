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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads (READ) or sets (UPDATE) the variables of a running instance; returns them afterwards. */
public final class InstanceVariablesCommand implements Command<Map<String, Object>> {

  private final ProcessRuntime runtime;
  private final String instanceId;
  private final @Nullable Map<String, Object> changes;
  private final List<String> deletions;

  private InstanceVariablesCommand(
      ProcessRuntime runtime,
      String instanceId,
      @Nullable Map<String, Object> changes,
      List<String> deletions) {
    this.runtime = runtime;
    this.instanceId = instanceId;
    this.changes = changes;
    this.deletions = deletions;
  }

  public static InstanceVariablesCommand read(ProcessRuntime runtime, String instanceId) {
    return new InstanceVariablesCommand(runtime, instanceId, null, List.of());
  }

  public static InstanceVariablesCommand set(
      ProcessRuntime runtime, String instanceId, Map<String, Object> changes) {
    return modify(runtime, instanceId, changes, List.of());
  }

  /**
   * Sets {@code changes} (null values allowed) and then removes {@code deletions}, as Camunda's
   * {@code POST …/variables} does.
   */
  public static InstanceVariablesCommand modify(
      ProcessRuntime runtime,
      String instanceId,
      Map<String, Object> changes,
      Collection<String> deletions) {
    return new InstanceVariablesCommand(
        runtime,
        instanceId,
        Collections.unmodifiableMap(new LinkedHashMap<>(changes)),
        List.copyOf(deletions));
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
    Map<String, Object> after =
        session.readOrSetVariables(
            instance,
            changes == null || changes.isEmpty() ? null : changes,
            HistoryRecorder.Entity.PROCESS_INSTANCE,
            instanceId);
    if (!deletions.isEmpty()) {
      session.removeVariables(instance, deletions);
      after = session.variables(instance);
    }
    // D1: sensitive values in clear only for READ_VARIABLE on the instance.
    return runtime
        .sensitiveFields()
        .forReader(
            after,
            instance.model().sensitiveVariables(),
            context.isGranted(
                Requirement.of(
                    ResourceType.PROCESS_INSTANCE, Permission.READ_VARIABLE, instanceId)));
  }
}

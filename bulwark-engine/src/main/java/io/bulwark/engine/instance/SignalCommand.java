package io.bulwark.engine.instance;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.Signals;
import java.sql.SQLException;
import java.util.Map;

/** Broadcasts a signal from outside the engine ({@link Signals}). */
public final class SignalCommand implements Command<Integer> {

  private final ProcessRuntime runtime;
  private final String signalName;
  private final Map<String, Object> variables;

  public SignalCommand(ProcessRuntime runtime, String signalName, Map<String, Object> variables) {
    if (signalName == null || signalName.isBlank()) {
      throw ValidationException.of("signalName", "required", "a signal needs a name");
    }
    this.runtime = runtime;
    this.signalName = signalName;
    this.variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  /**
   * The targets are found by the signal name, so the declared requirement is "any of" UPDATE on
   * every process instance or START_INSTANCE on every process definition; each target is then
   * checked through the executor before the signal reaches it, and a denial throws before anything
   * is written.
   */
  @Override
  public Requirement requirement() {
    return Requirement.anyOf(
        Requirement.onAny(ResourceType.PROCESS_INSTANCE, Permission.UPDATE),
        Requirement.onAny(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE));
  }

  @Override
  public Integer execute(CommandContext context) throws SQLException {
    RuntimeSession session = runtime.session(context);
    Signals.Access access =
        new Signals.Access() {
          @Override
          public void instance(String instanceId) throws SQLException {
            context.authorize(
                Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.UPDATE, instanceId));
          }

          @Override
          public void start(String key) throws SQLException {
            context.authorize(
                Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE, key));
          }
        };
    int reached = Signals.broadcast(session, signalName, variables, access);
    session
        .history()
        .operation("Signal", HistoryRecorder.Entity.PROCESS_INSTANCE, null, null, signalName);
    session.run();
    return reached;
  }
}

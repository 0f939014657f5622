package io.bulwark.engine.instance;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.ConditionalStarts;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.runtime.Signals;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Camunda's {@code createConditionEvaluation().evaluateStartConditions()}: starts one instance,
 * with the given variables, per conditional start event of the latest process versions whose
 * condition holds ({@link ConditionalStarts}), optionally only of one definition. Definitions the
 * caller may not start (START_INSTANCE, tenants) are left out as a list leaves them out (Z2, Z3);
 * when no conditional start event is left at all, the evaluation is an error, as in Camunda.
 */
public final class EvaluateStartConditionsCommand implements Command<List<ProcessInstance>> {

  private final ProcessRuntime runtime;
  private final Map<String, Object> variables;
  private final @Nullable String processDefinitionId;

  public EvaluateStartConditionsCommand(
      ProcessRuntime runtime,
      @Nullable Map<String, Object> variables,
      @Nullable String processDefinitionId) {
    this.runtime = runtime;
    this.variables =
        variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    this.processDefinitionId = processDefinitionId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE);
  }

  @Override
  public List<ProcessInstance> execute(CommandContext context) throws SQLException {
    RuntimeSession session = runtime.session(context);
    Signals.Access access =
        new Signals.Access() {
          @Override
          public void instance(String instanceId) {
            throw new IllegalStateException("a start condition reaches no running instance");
          }

          @Override
          public void start(String key) throws SQLException {
            context.authorize(
                Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE, key));
          }
        };
    List<ConditionalStarts.Subscriber> subscribers = new ArrayList<>();
    for (ConditionalStarts.Subscriber s : ConditionalStarts.subscribers(session)) {
      if ((processDefinitionId == null || processDefinitionId.equals(s.definitionId()))
          && TenantAccess.mayStart(context, s.definitionId())) {
        subscribers.add(s);
      }
    }
    if (subscribers.isEmpty()) {
      throw new NotFoundException(
          "no conditional start event found"
              + (processDefinitionId == null
                  ? ""
                  : " in process definition " + processDefinitionId));
    }
    List<InstanceState> started = new ArrayList<>();
    for (ConditionalStarts.Subscriber s : subscribers) {
      InstanceState instance = ConditionalStarts.startIfTrue(session, s, variables, access);
      if (instance != null) {
        session
            .history()
            .operation(
                "Start",
                HistoryRecorder.Entity.PROCESS_INSTANCE,
                instance.id(),
                instance.id(),
                s.definitionId());
        started.add(instance);
      }
    }
    session.run();
    return started.stream()
        .map(
            i ->
                new ProcessInstance(
                    i.id(), i.process().definitionId(), i.process().key(), null, i.isEnded()))
        .toList();
  }
}

package io.bulwark.engine.instance;

import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.MessageCorrelationResult;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.StartForm;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The runtime service over the command executor. Thread-safe. */
public final class DefaultRuntimeService implements RuntimeService {

  private final CommandExecutor executor;
  private final ProcessRuntime runtime;

  public DefaultRuntimeService(CommandExecutor executor, ProcessRuntime runtime) {
    this.executor = executor;
    this.runtime = runtime;
  }

  @Override
  public ProcessInstance startProcessInstance(Principal principal, StartInstanceRequest request) {
    return executor.execute(
        executor.actorOf(principal), new StartProcessInstanceCommand(runtime, request));
  }

  @Override
  public StartForm getStartForm(Principal principal, String processDefinitionId) {
    return executor.execute(
        executor.actorOf(principal), GetStartFormCommand.byId(runtime, processDefinitionId));
  }

  @Override
  public StartForm getLatestStartForm(Principal principal, String processDefinitionKey) {
    return executor.execute(
        executor.actorOf(principal), GetStartFormCommand.latestOf(runtime, processDefinitionKey));
  }

  @Override
  public MessageCorrelationResult correlateMessage(
      Principal principal, MessageCorrelation correlation) {
    return executor
        .execute(
            executor.actorOf(principal),
            new CorrelateMessageCommand(
                runtime, correlation.delivered(MessageCorrelation.Delivery.ONE)))
        .get(0);
  }

  @Override
  public List<MessageCorrelationResult> correlateMessages(
      Principal principal, MessageCorrelation correlation) {
    return executor.execute(
        executor.actorOf(principal), new CorrelateMessageCommand(runtime, correlation));
  }

  @Override
  public int signalEventReceived(
      Principal principal, String signalName, Map<String, Object> variables) {
    return executor.execute(
        executor.actorOf(principal), new SignalCommand(runtime, signalName, variables));
  }

  @Override
  public List<ProcessInstance> evaluateStartConditions(
      Principal principal, Map<String, Object> variables, @Nullable String processDefinitionId) {
    return executor.execute(
        executor.actorOf(principal),
        new EvaluateStartConditionsCommand(runtime, variables, processDefinitionId));
  }

  @Override
  public void trigger(
      Principal principal,
      String processInstanceId,
      String activityId,
      Map<String, Object> variables) {
    executor.execute(
        executor.actorOf(principal),
        new TriggerReceiveTaskCommand(runtime, processInstanceId, activityId, variables));
  }

  @Override
  public void deleteProcessInstance(Principal principal, String processInstanceId, String reason) {
    executor.execute(
        executor.actorOf(principal),
        new DeleteProcessInstanceCommand(runtime, processInstanceId, reason));
  }

  @Override
  public Map<String, Object> getVariables(Principal principal, String processInstanceId) {
    return executor.execute(
        executor.actorOf(principal), InstanceVariablesCommand.read(runtime, processInstanceId));
  }

  @Override
  public void setVariables(
      Principal principal, String processInstanceId, Map<String, Object> variables) {
    executor.execute(
        executor.actorOf(principal),
        InstanceVariablesCommand.set(runtime, processInstanceId, variables));
  }

  @Override
  public Map<String, Object> modifyVariables(
      Principal principal,
      String processInstanceId,
      Map<String, Object> modifications,
      java.util.Collection<String> deletions) {
    return executor.execute(
        executor.actorOf(principal),
        InstanceVariablesCommand.modify(runtime, processInstanceId, modifications, deletions));
  }

  @Override
  public void setSuspension(
      Principal principal, String processInstanceId, ProcessInstanceQuery.Suspension state) {
    executor.execute(
        executor.actorOf(principal),
        new SuspendProcessInstanceCommand(runtime, processInstanceId, state));
  }

  @Override
  public io.bulwark.engine.api.ActivityInstance getActivityInstance(
      Principal principal, String processInstanceId) {
    return executor.execute(
        executor.actorOf(principal), new ActivityInstanceTreeCommand(runtime, processInstanceId));
  }

  @Override
  public List<String> getActiveActivityIds(Principal principal, String processInstanceId) {
    return executor.execute(
        executor.actorOf(principal), new ActiveActivitiesCommand(processInstanceId));
  }

  @Override
  public Page<ProcessInstanceView> findProcessInstances(
      Principal principal, ProcessInstanceQuery query) {
    return executor.execute(executor.actorOf(principal), new FindProcessInstancesCommand(query));
  }
}

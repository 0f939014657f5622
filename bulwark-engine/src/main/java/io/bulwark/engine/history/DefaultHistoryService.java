package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoricIncidentQuery;
import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoryFilter;
import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.api.HistoryRetentionStatus;
import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.variable.JavaValues;
import java.util.Optional;

/** The history service over the command executor. Thread-safe. */
public final class DefaultHistoryService implements HistoryService {

  private final CommandExecutor executor;
  private final JavaValues values;
  private final HistoryRetentionSettings retention;

  /** With the default retention ({@link HistoryRetentionSettings#defaults()}). */
  public DefaultHistoryService(CommandExecutor executor, JavaValues values) {
    this(executor, values, HistoryRetentionSettings.defaults());
  }

  /**
   * @param values how stored variable values become Java values (the runtime's)
   * @param retention the engine's retention, for {@link #retentionStatus}
   */
  public DefaultHistoryService(
      CommandExecutor executor, JavaValues values, HistoryRetentionSettings retention) {
    this.executor = executor;
    this.values = values;
    this.retention = retention;
  }

  private Actor actor(Principal principal) {
    return executor.actorOf(principal);
  }

  @Override
  public Optional<HistoricProcessInstance> findProcessInstance(
      Principal principal, String instanceId) {
    try {
      return executor
          .execute(actor(principal), HistoryListCommand.processInstance(instanceId))
          .items()
          .stream()
          .findFirst();
    } catch (NotFoundException hidden) {
      // Z3: an instance the principal may not read is answered like one that does not exist.
      return Optional.empty();
    }
  }

  @Override
  public Page<HistoricActivityInstance> activityInstances(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults) {
    return executor.execute(
        actor(principal),
        HistoryListCommand.activities(instanceId, filter, firstResult, maxResults));
  }

  @Override
  public Page<HistoricTask> tasks(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults) {
    return executor.execute(
        actor(principal), HistoryListCommand.tasks(instanceId, filter, firstResult, maxResults));
  }

  @Override
  public Page<HistoricVariableUpdate> variableUpdates(
      Principal principal, String instanceId, int firstResult, int maxResults) {
    return executor.execute(
        actor(principal), HistoryListCommand.variables(instanceId, firstResult, maxResults));
  }

  @Override
  public Page<HistoricVariable> variables(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults) {
    return executor.execute(
        actor(principal),
        HistoryListCommand.variableInstances(values, instanceId, filter, firstResult, maxResults));
  }

  @Override
  public Page<UserOperation> userOperations(
      Principal principal,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults) {
    return executor.execute(
        actor(principal),
        HistoryListCommand.operations(instanceId, filter, firstResult, maxResults));
  }

  @Override
  public Page<HistoricProcessInstance> findProcessInstances(
      Principal principal, HistoricProcessInstanceQuery query) {
    return executor.execute(actor(principal), new FindHistoricProcessInstancesCommand(query));
  }

  @Override
  public Page<HistoricIncident> findIncidents(Principal principal, HistoricIncidentQuery query) {
    return executor.execute(actor(principal), new FindHistoricIncidentsCommand(query));
  }

  @Override
  public HistoryRetentionStatus retentionStatus(Principal principal) {
    return executor.execute(actor(principal), new HistoryRetentionStatusCommand(retention));
  }
}

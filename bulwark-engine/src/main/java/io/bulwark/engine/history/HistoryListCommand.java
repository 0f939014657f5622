package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoryFilter;
import io.bulwark.engine.api.HistoryService.HistoricActivityInstance;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.HistoryService.HistoricTask;
import io.bulwark.engine.api.HistoryService.HistoricVariable;
import io.bulwark.engine.api.HistoryService.HistoricVariableUpdate;
import io.bulwark.engine.api.HistoryService.UserOperation;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.variable.JavaValues;
import java.sql.SQLException;

/**
 * Lists history rows of one process instance, a page at a time (W8). Needs READ_HISTORY on that
 * instance, and the rows also pass the list filter of {@link HistoryQueries} (Z2, Z3).
 */
public final class HistoryListCommand<T> implements Command<Page<T>> {

  private final HistoryQueries.InstanceList<T> list;
  private final String instanceId;
  private final HistoryFilter filter;
  private final int firstResult;
  private final int maxResults;

  private HistoryListCommand(
      HistoryQueries.InstanceList<T> list,
      String instanceId,
      HistoryFilter filter,
      int firstResult,
      int maxResults) {
    if (instanceId == null || instanceId.isBlank()) {
      throw ValidationException.of(
          "processInstanceId", "required", "processInstanceId is required");
    }
    this.list = list;
    this.instanceId = instanceId;
    this.filter = filter == null ? HistoryFilter.none() : filter;
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  public static HistoryListCommand<HistoricProcessInstance> processInstance(String instanceId) {
    return new HistoryListCommand<>(
        HistoryQueries.PROCESS_INSTANCE, instanceId, HistoryFilter.none(), 0, 1);
  }

  public static HistoryListCommand<HistoricActivityInstance> activities(
      String instanceId, HistoryFilter filter, int first, int max) {
    return new HistoryListCommand<>(HistoryQueries.ACTIVITIES, instanceId, filter, first, max);
  }

  public static HistoryListCommand<HistoricTask> tasks(
      String instanceId, HistoryFilter filter, int first, int max) {
    return new HistoryListCommand<>(HistoryQueries.TASKS, instanceId, filter, first, max);
  }

  public static HistoryListCommand<HistoricVariableUpdate> variables(
      String instanceId, int first, int max) {
    return new HistoryListCommand<>(
        HistoryQueries.VARIABLE_UPDATES, instanceId, HistoryFilter.none(), first, max);
  }

  /** The latest value of each variable of the instance, by name. */
  public static HistoryListCommand<HistoricVariable> variableInstances(
      JavaValues values, String instanceId, HistoryFilter filter, int first, int max) {
    return new HistoryListCommand<>(
        HistoryQueries.variables(values), instanceId, filter, first, max);
  }

  public static HistoryListCommand<UserOperation> operations(
      String instanceId, HistoryFilter filter, int first, int max) {
    return new HistoryListCommand<>(HistoryQueries.OPERATIONS, instanceId, filter, first, max);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.READ_HISTORY, instanceId);
  }

  @Override
  public Page<T> execute(CommandContext context) throws SQLException {
    ListQuery query =
        HistoryQueries.ofInstance(context, list, instanceId, filter, firstResult, maxResults);
    return new Page<>(
        query.list(context.connection(), list.mapper()), query.count(context.connection()));
  }
}

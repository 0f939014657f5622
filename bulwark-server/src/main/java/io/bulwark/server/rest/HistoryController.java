package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoryFilter;
import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.HistoryJson.ActivityInstance;
import io.bulwark.server.rest.HistoryJson.ProcessInstance;
import io.bulwark.server.rest.HistoryJson.Task;
import io.bulwark.server.rest.HistoryJson.UserOperation;
import io.bulwark.server.rest.HistoryJson.VariableInstance;
import io.bulwark.server.rest.IdentityJson.Count;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's history resources under {@code /engine-rest/history}: only what the caller may read
 * the history of (READ_HISTORY on the instance, Z3), a page at a time (W8). The activity instance,
 * task, variable instance and user operation lists are per process instance: {@code
 * processInstanceId} is required; each takes Camunda's commonly used filters of its resource,
 * applied in SQL, and refuses any other parameter (W11).
 */
@RestController
final class HistoryController {

  private static final String HISTORY = RestPaths.BASE + "/history";
  private static final String PROCESS_INSTANCE = HISTORY + "/process-instance";

  private static final Set<String> INSTANCE_FILTERS =
      Set.of(
          "processDefinitionKey",
          "processInstanceBusinessKey",
          "finished",
          "unfinished",
          "startedBy",
          "startedAfter",
          "startedBefore",
          "finishedAfter",
          "finishedBefore");

  private static final Map<String, HistoricProcessInstanceQuery.Sort> INSTANCE_SORT_KEYS =
      Map.of(
          "instanceId", HistoricProcessInstanceQuery.Sort.ID,
          "startTime", HistoricProcessInstanceQuery.Sort.START_TIME,
          "endTime", HistoricProcessInstanceQuery.Sort.END_TIME);

  private static final Set<String> ACTIVITY_FILTERS =
      Set.of(
          "processInstanceId",
          "activityId",
          "activityType",
          "executionId",
          "finished",
          "unfinished");

  private static final Set<String> TASK_FILTERS =
      Set.of(
          "processInstanceId",
          "taskId",
          "taskDefinitionKey",
          "taskAssignee",
          "finished",
          "unfinished");

  private static final Set<String> VARIABLE_FILTERS = Set.of("processInstanceId", "variableName");

  private static final Set<String> OPERATION_FILTERS =
      Set.of("processInstanceId", "operationType", "entityType", "userId");

  private final HistoryService history;

  HistoryController(BulwarkEngine engine) {
    this.history = engine.historyService();
  }

  @GetMapping(PROCESS_INSTANCE)
  List<ProcessInstance> instances(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, INSTANCE_FILTERS);
    return instances(input, input.firstResult(), input.maxResults(), authentication);
  }

  @PostMapping(PROCESS_INSTANCE)
  List<ProcessInstance> queryInstances(
      @RequestBody(required = false) JsonNode body,
      @RequestParam(required = false) Integer firstResult,
      @RequestParam(required = false) Integer maxResults,
      Authentication authentication) {
    return instances(
        QueryInput.ofBody(body, INSTANCE_FILTERS), firstResult, maxResults, authentication);
  }

  @GetMapping(PROCESS_INSTANCE + "/count")
  Count countInstances(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    return countInstances(QueryInput.ofParameters(parameters, INSTANCE_FILTERS), authentication);
  }

  @PostMapping(PROCESS_INSTANCE + "/count")
  Count countInstancesByBody(
      @RequestBody(required = false) JsonNode body, Authentication authentication) {
    return countInstances(QueryInput.ofBody(body, INSTANCE_FILTERS), authentication);
  }

  @GetMapping(PROCESS_INSTANCE + "/{id}")
  ProcessInstance instance(@PathVariable String id, Authentication authentication) {
    return history
        .findProcessInstance(Principals.of(authentication), id)
        .map(ProcessInstance::of)
        .orElseThrow(
            () -> new NotFoundException("historic process instance " + id + " does not exist"));
  }

  @GetMapping(HISTORY + "/activity-instance")
  List<ActivityInstance> activities(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, ACTIVITY_FILTERS);
    var page =
        history.activityInstances(
            Principals.of(authentication),
            query.instanceId,
            activityFilter(query.input),
            query.first,
            query.max);
    query.requireComplete(page);
    return page.items().stream().map(a -> ActivityInstance.of(query.instanceId, a)).toList();
  }

  @GetMapping(HISTORY + "/activity-instance/count")
  Count countActivities(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, ACTIVITY_FILTERS);
    return new Count(
        history
            .activityInstances(
                Principals.of(authentication), query.instanceId, activityFilter(query.input), 0, 1)
            .total());
  }

  @GetMapping(HISTORY + "/task")
  List<Task> tasks(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, TASK_FILTERS);
    var page =
        history.tasks(
            Principals.of(authentication),
            query.instanceId,
            taskFilter(query.input),
            query.first,
            query.max);
    query.requireComplete(page);
    return page.items().stream().map(t -> Task.of(query.instanceId, t)).toList();
  }

  @GetMapping(HISTORY + "/task/count")
  Count countTasks(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, TASK_FILTERS);
    return new Count(
        history
            .tasks(Principals.of(authentication), query.instanceId, taskFilter(query.input), 0, 1)
            .total());
  }

  @GetMapping(HISTORY + "/variable-instance")
  List<VariableInstance> variables(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, VARIABLE_FILTERS);
    var page =
        history.variables(
            Principals.of(authentication),
            query.instanceId,
            variableFilter(query.input),
            query.first,
            query.max);
    query.requireComplete(page);
    return page.items().stream().map(VariableInstance::of).toList();
  }

  @GetMapping(HISTORY + "/variable-instance/count")
  Count countVariables(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, VARIABLE_FILTERS);
    return new Count(
        history
            .variables(
                Principals.of(authentication), query.instanceId, variableFilter(query.input), 0, 1)
            .total());
  }

  @GetMapping(HISTORY + "/user-operation")
  List<UserOperation> operations(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, OPERATION_FILTERS);
    var page =
        history.userOperations(
            Principals.of(authentication),
            query.instanceId,
            operationFilter(query.input),
            query.first,
            query.max);
    query.requireComplete(page);
    return page.items().stream().map(UserOperation::of).toList();
  }

  @GetMapping(HISTORY + "/user-operation/count")
  Count countOperations(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    PerInstance query = PerInstance.of(parameters, OPERATION_FILTERS);
    return new Count(
        history
            .userOperations(
                Principals.of(authentication), query.instanceId, operationFilter(query.input), 0, 1)
            .total());
  }

  private static HistoryFilter activityFilter(QueryInput input) {
    return HistoryFilter.none()
        .with(HistoryFilter.Field.ACTIVITY_ID, input.text("activityId"))
        .with(HistoryFilter.Field.ACTIVITY_TYPE, input.text("activityType"))
        .with(HistoryFilter.Field.EXECUTION_ID, input.text("executionId"))
        .finished(finished(input));
  }

  private static HistoryFilter taskFilter(QueryInput input) {
    return HistoryFilter.none()
        .with(HistoryFilter.Field.TASK_ID, input.text("taskId"))
        .with(HistoryFilter.Field.TASK_DEFINITION_KEY, input.text("taskDefinitionKey"))
        .with(HistoryFilter.Field.ASSIGNEE, input.text("taskAssignee"))
        .finished(finished(input));
  }

  private static HistoryFilter variableFilter(QueryInput input) {
    return HistoryFilter.none().with(HistoryFilter.Field.VARIABLE_NAME, input.text("variableName"));
  }

  private static HistoryFilter operationFilter(QueryInput input) {
    String entityType = input.text("entityType");
    return HistoryFilter.none()
        .with(HistoryFilter.Field.OPERATION_TYPE, input.text("operationType"))
        .with(
            HistoryFilter.Field.ENTITY_TYPE,
            entityType == null ? null : UserOperation.bulwarkEntityType(entityType))
        .with(HistoryFilter.Field.USER_ID, input.text("userId"));
  }

  /** Camunda's {@code finished}/{@code unfinished} flags: true, false, or null for both. */
  private static @Nullable Boolean finished(QueryInput input) {
    boolean finished = input.flag("finished");
    boolean unfinished = input.flag("unfinished");
    if (finished && unfinished) {
      throw ValidationException.of(
          "finished", "exclusive", "finished and unfinished cannot both be true");
    }
    return finished ? Boolean.TRUE : unfinished ? Boolean.FALSE : null;
  }

  private List<ProcessInstance> instances(
      QueryInput input,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults,
      Authentication authentication) {
    HistoricProcessInstanceQuery query =
        instanceQuery(input)
            .page(ListParameters.firstResult(firstResult), ListParameters.maxResults(maxResults));
    Page<HistoryService.HistoricProcessInstance> page =
        history.findProcessInstances(Principals.of(authentication), query);
    ListParameters.requireComplete(maxResults, query.firstResult(), page.total());
    return page.items().stream().map(ProcessInstance::of).toList();
  }

  private Count countInstances(QueryInput input, Authentication authentication) {
    return new Count(
        history
            .findProcessInstances(Principals.of(authentication), instanceQuery(input).page(0, 1))
            .total());
  }

  private static HistoricProcessInstanceQuery instanceQuery(QueryInput input) {
    boolean finished = input.flag("finished");
    boolean unfinished = input.flag("unfinished");
    HistoricProcessInstanceQuery query =
        HistoricProcessInstanceQuery.all()
            .ofProcess(input.text("processDefinitionKey"))
            .withBusinessKey(input.text("processInstanceBusinessKey"))
            .startedBy(input.text("startedBy"))
            .startedBetween(input.date("startedAfter"), input.date("startedBefore"))
            .endedBetween(input.date("finishedAfter"), input.date("finishedBefore"));
    if (finished && unfinished) {
      throw ValidationException.of(
          "finished", "exclusive", "finished and unfinished cannot both be true");
    }
    if (finished || unfinished) {
      query =
          query.in(
              finished
                  ? HistoricProcessInstanceQuery.Completion.FINISHED
                  : HistoricProcessInstanceQuery.Completion.UNFINISHED);
    }
    var sorting = input.sorting(INSTANCE_SORT_KEYS);
    if (sorting.size() > 1) {
      throw ValidationException.of("sorting", "maxitems", "one sort key is supported here");
    }
    return sorting.isEmpty() ? query : query.orderBy(sorting.get(0).key(), sorting.get(0).order());
  }

  /** The parameters of a per-instance history list: the instance, its filters and the page. */
  private record PerInstance(
      String instanceId, QueryInput input, int first, int max, @Nullable Integer maxResults) {

    static PerInstance of(MultiValueMap<String, String> parameters, Set<String> filters) {
      QueryInput input = QueryInput.ofParameters(parameters, filters);
      String instanceId = input.text("processInstanceId");
      if (instanceId == null) {
        throw ValidationException.of(
            "processInstanceId",
            "required",
            "processInstanceId is required: this history list is kept per process instance");
      }
      if (!input.sorting(Map.of()).isEmpty()) {
        throw ValidationException.of("sortBy", "allowed-values", "this list is sorted by time");
      }
      return new PerInstance(
          instanceId,
          input,
          ListParameters.firstResult(input.firstResult()),
          ListParameters.maxResults(input.maxResults()),
          input.maxResults());
    }

    void requireComplete(Page<?> page) {
      ListParameters.requireComplete(maxResults, first, page.total());
    }
  }
}

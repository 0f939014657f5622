package io.bulwark.server.rest;

import io.bulwark.engine.api.TaskQuery;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Camunda 7's task query filters, from the query string of {@code GET /task} or the JSON body of
 * {@code POST /task} (see {@link QueryInput}), as the engine's {@link TaskQuery}.
 */
final class TaskFilters {

  /** The filters Bulwark supports (an allowlist, W11). */
  static final Set<String> NAMES =
      Stream.of(
              "assignee",
              "assigneeLike",
              "owner",
              "candidateUser",
              "candidateGroup",
              "candidateGroups",
              "includeAssignedTasks",
              "assigned",
              "unassigned",
              "delegationState",
              "processInstanceId",
              "processInstanceBusinessKey",
              "processInstanceBusinessKeyLike",
              "processDefinitionKey",
              "processDefinitionId",
              "executionId",
              "taskDefinitionKey",
              "name",
              "nameLike",
              "priority",
              "minPriority",
              "maxPriority",
              "dueBefore",
              "dueAfter",
              "followUpBefore",
              "followUpAfter",
              "createdBefore",
              "createdAfter")
          .collect(Collectors.toUnmodifiableSet());

  /** Camunda's sort keys that Bulwark supports (an allowlist, E5). */
  static final Map<String, TaskQuery.Sort> SORT_KEYS =
      Map.of(
          "id", TaskQuery.Sort.ID,
          "name", TaskQuery.Sort.NAME,
          "assignee", TaskQuery.Sort.ASSIGNEE,
          "created", TaskQuery.Sort.CREATED,
          "dueDate", TaskQuery.Sort.DUE_DATE,
          "followUpDate", TaskQuery.Sort.FOLLOW_UP_DATE,
          "priority", TaskQuery.Sort.PRIORITY,
          "instanceId", TaskQuery.Sort.PROCESS_INSTANCE_ID,
          "executionId", TaskQuery.Sort.EXECUTION_ID);

  private TaskFilters() {}

  /** The filters and sorting of {@code input}, without the page. */
  static TaskQuery.Builder of(QueryInput input) {
    Set<String> groups = input.list("candidateGroups");
    String group = input.text("candidateGroup");
    if (group != null) {
      groups = new LinkedHashSet<>(groups == null ? Set.of() : groups);
      groups.add(group);
    }
    return TaskQuery.builder()
        .assignee(input.text("assignee"))
        .assigneeLike(input.text("assigneeLike"))
        .owner(input.text("owner"))
        .candidateUser(input.text("candidateUser"))
        .candidateGroups(groups)
        .includeAssignedTasks(input.flag("includeAssignedTasks"))
        .assigned(input.flag("assigned"))
        .unassigned(input.flag("unassigned"))
        .delegationState(input.text("delegationState"))
        .processInstanceId(input.text("processInstanceId"))
        .processInstanceBusinessKey(input.text("processInstanceBusinessKey"))
        .processInstanceBusinessKeyLike(input.text("processInstanceBusinessKeyLike"))
        .processDefinitionKey(input.text("processDefinitionKey"))
        .processDefinitionId(input.text("processDefinitionId"))
        .executionId(input.text("executionId"))
        .taskDefinitionKey(input.text("taskDefinitionKey"))
        .name(input.text("name"))
        .nameLike(input.text("nameLike"))
        .priority(input.integer("priority"))
        .priorityBetween(input.integer("minPriority"), input.integer("maxPriority"))
        .due(input.date("dueAfter"), input.date("dueBefore"))
        .followUp(input.date("followUpAfter"), input.date("followUpBefore"))
        .created(input.date("createdAfter"), input.date("createdBefore"))
        .sorting(
            input.sorting(SORT_KEYS).stream()
                .map(s -> new TaskQuery.Order(s.key(), s.order()))
                .toList());
  }
}

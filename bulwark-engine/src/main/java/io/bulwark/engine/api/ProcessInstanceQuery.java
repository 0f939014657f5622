package io.bulwark.engine.api;

import java.util.Set;

/**
 * Filters of a running process instance list, all optional (null), combined with AND; {@code
 * processInstanceIds} matches any of at most 1000 ids (W11). Page: {@code firstResult} from 0,
 * {@code maxResults} 1..2000 (W8); larger or negative values are refused with a {@link
 * ValidationException} naming the field. Sorted by start time ascending unless told otherwise, ties
 * by id. Immutable: each method returns a new query.
 */
public record ProcessInstanceQuery(
    String processDefinitionKey,
    String processDefinitionId,
    String businessKey,
    Set<String> processInstanceIds,
    Suspension suspension,
    String startedBy,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** Whether an instance is suspended; {@code null} in a query matches both. */
  public enum Suspension {
    ACTIVE,
    SUSPENDED
  }

  /** The sort keys of the list. */
  public enum Sort {
    START_TIME,
    ID
  }

  public ProcessInstanceQuery {
    processInstanceIds = processInstanceIds == null ? null : Set.copyOf(processInstanceIds);
    sortBy = sortBy == null ? Sort.START_TIME : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every instance the caller may read, first page of 100. */
  public static ProcessInstanceQuery all() {
    return new ProcessInstanceQuery(null, null, null, null, null, null, null, null, 0, 100);
  }

  /** Instances of any version of the process with this key. */
  public ProcessInstanceQuery ofProcess(String key) {
    return new ProcessInstanceQuery(
        key,
        processDefinitionId,
        businessKey,
        processInstanceIds,
        suspension,
        startedBy,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Instances of exactly this process definition (one version). */
  public ProcessInstanceQuery ofDefinition(String definitionId) {
    return new ProcessInstanceQuery(
        processDefinitionKey,
        definitionId,
        businessKey,
        processInstanceIds,
        suspension,
        startedBy,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public ProcessInstanceQuery withBusinessKey(String key) {
    return new ProcessInstanceQuery(
        processDefinitionKey,
        processDefinitionId,
        key,
        processInstanceIds,
        suspension,
        startedBy,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Instances whose id is one of {@code ids}; an empty set matches nothing. */
  public ProcessInstanceQuery withIds(Set<String> ids) {
    return new ProcessInstanceQuery(
        processDefinitionKey,
        processDefinitionId,
        businessKey,
        ids,
        suspension,
        startedBy,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Only active or only suspended instances; {@code null} for both. */
  public ProcessInstanceQuery in(Suspension state) {
    return new ProcessInstanceQuery(
        processDefinitionKey,
        processDefinitionId,
        businessKey,
        processInstanceIds,
        state,
        startedBy,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public ProcessInstanceQuery startedBy(String userId) {
    return new ProcessInstanceQuery(
        processDefinitionKey,
        processDefinitionId,
        businessKey,
        processInstanceIds,
        suspension,
        userId,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public ProcessInstanceQuery orderBy(Sort key, SortOrder order) {
    return new ProcessInstanceQuery(
        processDefinitionKey,
        processDefinitionId,
        businessKey,
        processInstanceIds,
        suspension,
        startedBy,
        key,
        order,
        firstResult,
        maxResults);
  }

  public ProcessInstanceQuery page(int first, int max) {
    return new ProcessInstanceQuery(
        processDefinitionKey,
        processDefinitionId,
        businessKey,
        processInstanceIds,
        suspension,
        startedBy,
        sortBy,
        sortOrder,
        first,
        max);
  }
}

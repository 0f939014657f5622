package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a running process instance list, all optional (null), combined with AND; {@code
 * processInstanceIds} matches any of at most 1000 ids (W11). Page: {@code firstResult} from 0,
 * {@code maxResults} 1..2000 (W8); larger or negative values are refused with a {@link
 * ValidationException} naming the field. Sorted by start time ascending unless told otherwise, ties
 * by id. Immutable: each method returns a new query.
 */
public record ProcessInstanceQuery(
    @Nullable String processDefinitionKey,
    @Nullable String processDefinitionId,
    @Nullable String businessKey,
    @Nullable Set<String> processInstanceIds,
    @Nullable Suspension suspension,
    @Nullable String startedBy,
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
    return new ProcessInstanceQuery(
        null, null, null, null, null, null, Sort.START_TIME, SortOrder.ASC, 0, 100);
  }

  /** Instances of any version of the process with this key. */
  public ProcessInstanceQuery ofProcess(String key) {
    Copy c = new Copy(this);
    c.processDefinitionKey = key;
    return c.build();
  }

  /** Instances of exactly this process definition (one version). */
  public ProcessInstanceQuery ofDefinition(String definitionId) {
    Copy c = new Copy(this);
    c.processDefinitionId = definitionId;
    return c.build();
  }

  public ProcessInstanceQuery withBusinessKey(String key) {
    Copy c = new Copy(this);
    c.businessKey = key;
    return c.build();
  }

  /** Instances whose id is one of {@code ids}; an empty set matches nothing. */
  public ProcessInstanceQuery withIds(Set<String> ids) {
    Copy c = new Copy(this);
    c.processInstanceIds = ids;
    return c.build();
  }

  /** Only active or only suspended instances; {@code null} for both. */
  public ProcessInstanceQuery in(Suspension state) {
    Copy c = new Copy(this);
    c.suspension = state;
    return c.build();
  }

  public ProcessInstanceQuery startedBy(String userId) {
    Copy c = new Copy(this);
    c.startedBy = userId;
    return c.build();
  }

  public ProcessInstanceQuery orderBy(Sort key, SortOrder order) {
    Copy c = new Copy(this);
    c.sortBy = key;
    c.sortOrder = order;
    return c.build();
  }

  public ProcessInstanceQuery page(int first, int max) {
    Copy c = new Copy(this);
    c.firstResult = first;
    c.maxResults = max;
    return c.build();
  }

  /** A mutable copy, so that each method above names only what it changes. */
  private static final class Copy {
    private @Nullable String processDefinitionKey;
    private @Nullable String processDefinitionId;
    private @Nullable String businessKey;
    private @Nullable Set<String> processInstanceIds;
    private @Nullable Suspension suspension;
    private @Nullable String startedBy;
    private Sort sortBy;
    private SortOrder sortOrder;
    private int firstResult;
    private int maxResults;

    Copy(ProcessInstanceQuery q) {
      processDefinitionKey = q.processDefinitionKey;
      processDefinitionId = q.processDefinitionId;
      businessKey = q.businessKey;
      processInstanceIds = q.processInstanceIds;
      suspension = q.suspension;
      startedBy = q.startedBy;
      sortBy = q.sortBy;
      sortOrder = q.sortOrder;
      firstResult = q.firstResult;
      maxResults = q.maxResults;
    }

    ProcessInstanceQuery build() {
      return new ProcessInstanceQuery(
          processDefinitionKey,
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
  }
}

package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the historic incident list (open, resolved and deleted incidents), all optional
 * (null), combined with AND. Page: {@code firstResult} from 0, {@code maxResults} 1..2000 (W8);
 * other values are refused with a {@link ValidationException} naming the field. Sorted by creation
 * time ascending unless told otherwise, ties by id.
 */
public record HistoricIncidentQuery(
    @Nullable String processInstanceId,
    @Nullable String processDefinitionId,
    @Nullable String processDefinitionKey,
    @Nullable String incidentType,
    @Nullable State state,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** Where an incident is: still open, resolved, or deleted with its job or external task. */
  public enum State {
    OPEN,
    RESOLVED,
    DELETED
  }

  /** The sort keys of the list; open incidents sort by end time as the database orders nulls. */
  public enum Sort {
    CREATE_TIME,
    END_TIME,
    INCIDENT_TYPE,
    ID
  }

  public HistoricIncidentQuery {
    sortBy = sortBy == null ? Sort.CREATE_TIME : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every incident the caller may read the history of, first page of 100. */
  public static HistoricIncidentQuery all() {
    return new HistoricIncidentQuery(
        null, null, null, null, null, Sort.CREATE_TIME, SortOrder.ASC, 0, 100);
  }

  /** Incidents of one process instance. */
  public HistoricIncidentQuery ofInstance(@Nullable String instanceId) {
    return new HistoricIncidentQuery(
        instanceId,
        processDefinitionId,
        processDefinitionKey,
        incidentType,
        state,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Incidents of one definition (by id) and of any version of a process (by key). */
  public HistoricIncidentQuery ofDefinition(@Nullable String definitionId, @Nullable String key) {
    return new HistoricIncidentQuery(
        processInstanceId,
        definitionId,
        key,
        incidentType,
        state,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Incidents of one type ({@code failedJob}, {@code failedExternalTask}). */
  public HistoricIncidentQuery ofType(@Nullable String type) {
    return new HistoricIncidentQuery(
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        type,
        state,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Only incidents in {@code wanted}; {@code null} for all. */
  public HistoricIncidentQuery in(@Nullable State wanted) {
    return new HistoricIncidentQuery(
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        incidentType,
        wanted,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public HistoricIncidentQuery orderBy(Sort key, SortOrder order) {
    return new HistoricIncidentQuery(
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        incidentType,
        state,
        key,
        order,
        firstResult,
        maxResults);
  }

  public HistoricIncidentQuery page(int first, int max) {
    return new HistoricIncidentQuery(
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        incidentType,
        state,
        sortBy,
        sortOrder,
        first,
        max);
  }
}

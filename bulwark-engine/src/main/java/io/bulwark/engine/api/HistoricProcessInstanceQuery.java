package io.bulwark.engine.api;

import java.time.Instant;

/**
 * Filters of the historic process instance list (running and ended instances, as far as the history
 * level keeps them), all optional (null), combined with AND. Time bounds: "after" is inclusive,
 * "before" exclusive; an instance that has not ended matches no ended bound. Page: {@code
 * firstResult} from 0, {@code maxResults} 1..2000 (W8); larger or negative values are refused with
 * a {@link ValidationException} naming the field. Sorted by start time ascending unless told
 * otherwise, ties by id. Immutable: each method returns a new query.
 */
public record HistoricProcessInstanceQuery(
    String processDefinitionKey,
    String businessKey,
    Completion completion,
    String startedBy,
    Instant startedAfter,
    Instant startedBefore,
    Instant endedAfter,
    Instant endedBefore,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** Whether an instance has ended; {@code null} in a query matches both. */
  public enum Completion {
    FINISHED,
    UNFINISHED
  }

  /** The sort keys of the list; instances that have not ended sort as the database orders nulls. */
  public enum Sort {
    START_TIME,
    END_TIME,
    ID
  }

  public HistoricProcessInstanceQuery {
    sortBy = sortBy == null ? Sort.START_TIME : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every instance the caller may read the history of, first page of 100. */
  public static HistoricProcessInstanceQuery all() {
    return new HistoricProcessInstanceQuery(
        null, null, null, null, null, null, null, null, null, null, 0, 100);
  }

  /** Instances of any version of the process with this key. */
  public HistoricProcessInstanceQuery ofProcess(String key) {
    return new HistoricProcessInstanceQuery(
        key,
        businessKey,
        completion,
        startedBy,
        startedAfter,
        startedBefore,
        endedAfter,
        endedBefore,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public HistoricProcessInstanceQuery withBusinessKey(String key) {
    return new HistoricProcessInstanceQuery(
        processDefinitionKey,
        key,
        completion,
        startedBy,
        startedAfter,
        startedBefore,
        endedAfter,
        endedBefore,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Only finished or only unfinished instances; {@code null} for both. */
  public HistoricProcessInstanceQuery in(Completion state) {
    return new HistoricProcessInstanceQuery(
        processDefinitionKey,
        businessKey,
        state,
        startedBy,
        startedAfter,
        startedBefore,
        endedAfter,
        endedBefore,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public HistoricProcessInstanceQuery startedBy(String userId) {
    return new HistoricProcessInstanceQuery(
        processDefinitionKey,
        businessKey,
        completion,
        userId,
        startedAfter,
        startedBefore,
        endedAfter,
        endedBefore,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Started at or after {@code after} and before {@code before}; either may be null. */
  public HistoricProcessInstanceQuery startedBetween(Instant after, Instant before) {
    return new HistoricProcessInstanceQuery(
        processDefinitionKey,
        businessKey,
        completion,
        startedBy,
        after,
        before,
        endedAfter,
        endedBefore,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** Ended at or after {@code after} and before {@code before}; either may be null. */
  public HistoricProcessInstanceQuery endedBetween(Instant after, Instant before) {
    return new HistoricProcessInstanceQuery(
        processDefinitionKey,
        businessKey,
        completion,
        startedBy,
        startedAfter,
        startedBefore,
        after,
        before,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public HistoricProcessInstanceQuery orderBy(Sort key, SortOrder order) {
    return new HistoricProcessInstanceQuery(
        processDefinitionKey,
        businessKey,
        completion,
        startedBy,
        startedAfter,
        startedBefore,
        endedAfter,
        endedBefore,
        key,
        order,
        firstResult,
        maxResults);
  }

  public HistoricProcessInstanceQuery page(int first, int max) {
    return new HistoricProcessInstanceQuery(
        processDefinitionKey,
        businessKey,
        completion,
        startedBy,
        startedAfter,
        startedBefore,
        endedAfter,
        endedBefore,
        sortBy,
        sortOrder,
        first,
        max);
  }
}

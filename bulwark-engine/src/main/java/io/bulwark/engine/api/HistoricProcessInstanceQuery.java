package io.bulwark.engine.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the historic process instance list (running and ended instances, as far as the history
 * level keeps them), all optional (null), combined with AND. Time bounds: "after" is inclusive,
 * "before" exclusive; an instance that has not ended matches no ended bound. Page: {@code
 * firstResult} from 0, {@code maxResults} 1..2000 (W8); larger or negative values are refused with
 * a {@link ValidationException} naming the field. Sorted by start time ascending unless told
 * otherwise, ties by id. Immutable: each method returns a new query.
 */
public record HistoricProcessInstanceQuery(
    @Nullable String processDefinitionKey,
    @Nullable String businessKey,
    @Nullable Completion completion,
    @Nullable String startedBy,
    @Nullable Instant startedAfter,
    @Nullable Instant startedBefore,
    @Nullable Instant endedAfter,
    @Nullable Instant endedBefore,
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
        null, null, null, null, null, null, null, null, Sort.START_TIME, SortOrder.ASC, 0, 100);
  }

  /** Instances of any version of the process with this key. */
  public HistoricProcessInstanceQuery ofProcess(@Nullable String key) {
    Copy c = new Copy(this);
    c.processDefinitionKey = key;
    return c.build();
  }

  public HistoricProcessInstanceQuery withBusinessKey(@Nullable String key) {
    Copy c = new Copy(this);
    c.businessKey = key;
    return c.build();
  }

  /** Only finished or only unfinished instances; {@code null} for both. */
  public HistoricProcessInstanceQuery in(Completion state) {
    Copy c = new Copy(this);
    c.completion = state;
    return c.build();
  }

  public HistoricProcessInstanceQuery startedBy(@Nullable String userId) {
    Copy c = new Copy(this);
    c.startedBy = userId;
    return c.build();
  }

  /** Started at or after {@code after} and before {@code before}; either may be null. */
  public HistoricProcessInstanceQuery startedBetween(
      @Nullable Instant after, @Nullable Instant before) {
    Copy c = new Copy(this);
    c.startedAfter = after;
    c.startedBefore = before;
    return c.build();
  }

  /** Ended at or after {@code after} and before {@code before}; either may be null. */
  public HistoricProcessInstanceQuery endedBetween(
      @Nullable Instant after, @Nullable Instant before) {
    Copy c = new Copy(this);
    c.endedAfter = after;
    c.endedBefore = before;
    return c.build();
  }

  public HistoricProcessInstanceQuery orderBy(Sort key, SortOrder order) {
    Copy c = new Copy(this);
    c.sortBy = key;
    c.sortOrder = order;
    return c.build();
  }

  public HistoricProcessInstanceQuery page(int first, int max) {
    Copy c = new Copy(this);
    c.firstResult = first;
    c.maxResults = max;
    return c.build();
  }

  /** A mutable copy, so that each method above names only what it changes. */
  private static final class Copy {
    private @Nullable String processDefinitionKey;
    private @Nullable String businessKey;
    private @Nullable Completion completion;
    private @Nullable String startedBy;
    private @Nullable Instant startedAfter;
    private @Nullable Instant startedBefore;
    private @Nullable Instant endedAfter;
    private @Nullable Instant endedBefore;
    private Sort sortBy;
    private SortOrder sortOrder;
    private int firstResult;
    private int maxResults;

    Copy(HistoricProcessInstanceQuery q) {
      processDefinitionKey = q.processDefinitionKey;
      businessKey = q.businessKey;
      completion = q.completion;
      startedBy = q.startedBy;
      startedAfter = q.startedAfter;
      startedBefore = q.startedBefore;
      endedAfter = q.endedAfter;
      endedBefore = q.endedBefore;
      sortBy = q.sortBy;
      sortOrder = q.sortOrder;
      firstResult = q.firstResult;
      maxResults = q.maxResults;
    }

    HistoricProcessInstanceQuery build() {
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
          firstResult,
          maxResults);
    }
  }
}

package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the decision history, all optional (null), combined with AND; {@code activityIds} and
 * {@code tenantIds} match any of their values (an empty list matches nothing). Inputs and outputs
 * are read only when asked for. Page: {@code firstResult} from 0, {@code maxResults} 1..2000 (W8);
 * other values are refused with a {@link ValidationException} naming the field. Sorted by
 * evaluation time ascending unless told otherwise, ties by id.
 */
public record HistoricDecisionInstanceQuery(
    @Nullable String decisionInstanceId,
    @Nullable String decisionDefinitionId,
    @Nullable String decisionDefinitionKey,
    @Nullable String processInstanceId,
    @Nullable String processDefinitionKey,
    @Nullable List<String> activityIds,
    @Nullable List<String> tenantIds,
    @Nullable Instant evaluatedAfter,
    @Nullable Instant evaluatedBefore,
    Details details,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list. */
  public enum Sort {
    EVALUATION_TIME,
    TENANT_ID
  }

  /** Which values of each decision instance to read with it. */
  public record Details(boolean inputs, boolean outputs) {
    public static Details none() {
      return new Details(false, false);
    }
  }

  public HistoricDecisionInstanceQuery {
    activityIds = activityIds == null ? null : List.copyOf(activityIds);
    tenantIds = tenantIds == null ? null : List.copyOf(tenantIds);
    details = details == null ? Details.none() : details;
    sortBy = sortBy == null ? Sort.EVALUATION_TIME : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every decision instance the caller may read the history of, first page of 100. */
  public static HistoricDecisionInstanceQuery all() {
    return new HistoricDecisionInstanceQuery(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Details.none(),
        Sort.EVALUATION_TIME,
        SortOrder.ASC,
        0,
        100);
  }

  /** One decision instance, with the values {@code details} asks for. */
  public static HistoricDecisionInstanceQuery byId(String id, Details details) {
    return new HistoricDecisionInstanceQuery(
        id,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        details,
        Sort.EVALUATION_TIME,
        SortOrder.ASC,
        0,
        1);
  }

  /** Sorted by {@code key} in {@code order}, ties by id. */
  public HistoricDecisionInstanceQuery orderBy(Sort key, SortOrder order) {
    return copy(details, key, order, firstResult, maxResults);
  }

  /** With inputs and outputs as {@code wanted} says. */
  public HistoricDecisionInstanceQuery with(Details wanted) {
    return copy(wanted, sortBy, sortOrder, firstResult, maxResults);
  }

  public HistoricDecisionInstanceQuery page(int first, int max) {
    return copy(details, sortBy, sortOrder, first, max);
  }

  /** The same filters with other details, order and page. */
  private HistoricDecisionInstanceQuery copy(
      Details wanted, Sort key, SortOrder order, int first, int max) {
    return new HistoricDecisionInstanceQuery(
        decisionInstanceId,
        decisionDefinitionId,
        decisionDefinitionKey,
        processInstanceId,
        processDefinitionKey,
        activityIds,
        tenantIds,
        evaluatedAfter,
        evaluatedBefore,
        wanted,
        key,
        order,
        first,
        max);
  }
}

package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a decision definition list as Camunda's decision definition query has them, all
 * optional (null) and combined with AND; {@code keyLike} and {@code nameLike} are SQL LIKE patterns
 * bound as parameters (E5); sets at most 1000 values (W11); {@code latestVersion} keeps only the
 * highest version of each key (per tenant). Page: {@code firstResult} from 0, {@code maxResults}
 * 1..2000 (W8). Sorted by key unless told otherwise, ties by id.
 */
public record DecisionDefinitionQuery(
    @Nullable String id,
    @Nullable Set<String> ids,
    @Nullable String key,
    @Nullable String keyLike,
    @Nullable String name,
    @Nullable String nameLike,
    @Nullable Integer version,
    boolean latestVersion,
    @Nullable String deploymentId,
    @Nullable Set<String> tenantIds,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list. */
  public enum Sort {
    ID,
    KEY,
    NAME,
    VERSION,
    DEPLOYMENT_ID,
    TENANT_ID
  }

  public DecisionDefinitionQuery {
    ids = ids == null ? null : Set.copyOf(ids);
    tenantIds = tenantIds == null ? null : Set.copyOf(tenantIds);
    sortBy = sortBy == null ? Sort.KEY : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every definition the caller may read, first page of 100. */
  public static DecisionDefinitionQuery all() {
    return new DecisionDefinitionQuery(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        Sort.KEY,
        SortOrder.ASC,
        0,
        100);
  }

  /** The definition with this ID, if the caller may read it. */
  public static DecisionDefinitionQuery byId(String definitionId) {
    return new DecisionDefinitionQuery(
        definitionId,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        Sort.KEY,
        SortOrder.ASC,
        0,
        1);
  }

  /**
   * The latest version of {@code definitionKey} in each tenant, or only in {@code tenantId} when
   * given; the first two, so that a caller can tell that several tenants deploy the key.
   */
  public static DecisionDefinitionQuery latestOf(String definitionKey, @Nullable String tenantId) {
    return new DecisionDefinitionQuery(
        null,
        null,
        definitionKey,
        null,
        null,
        null,
        null,
        true,
        null,
        tenantId == null ? null : Set.of(tenantId),
        Sort.KEY,
        SortOrder.ASC,
        0,
        2);
  }

  /** The same filters, sort and page {@code first}, {@code max}. */
  public DecisionDefinitionQuery page(int first, int max) {
    return new DecisionDefinitionQuery(
        id,
        ids,
        key,
        keyLike,
        name,
        nameLike,
        version,
        latestVersion,
        deploymentId,
        tenantIds,
        sortBy,
        sortOrder,
        first,
        max);
  }
}

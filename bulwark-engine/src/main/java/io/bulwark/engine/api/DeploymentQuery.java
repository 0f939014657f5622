package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a deployment list as Camunda's deployment query has them, all optional (null) and
 * combined with AND; {@code nameLike} is a SQL LIKE pattern bound as a parameter (E5); {@code
 * tenantIds} at most 1000 (W11). Page: {@code firstResult} from 0, {@code maxResults} 1..2000 (W8).
 * Sorted by deployment time unless told otherwise, ties by id.
 */
public record DeploymentQuery(
    @Nullable String id,
    @Nullable String name,
    @Nullable String nameLike,
    @Nullable Set<String> tenantIds,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list. */
  public enum Sort {
    ID,
    NAME,
    DEPLOYMENT_TIME,
    TENANT_ID
  }

  public DeploymentQuery {
    tenantIds = tenantIds == null ? null : Set.copyOf(tenantIds);
    sortBy = sortBy == null ? Sort.DEPLOYMENT_TIME : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every deployment the caller may read, first page of 100. */
  public static DeploymentQuery all() {
    return new DeploymentQuery(null, null, null, null, Sort.DEPLOYMENT_TIME, SortOrder.ASC, 0, 100);
  }

  public DeploymentQuery withId(String deploymentId) {
    return new DeploymentQuery(
        deploymentId, name, nameLike, tenantIds, sortBy, sortOrder, firstResult, maxResults);
  }

  public DeploymentQuery page(int first, int max) {
    return new DeploymentQuery(id, name, nameLike, tenantIds, sortBy, sortOrder, first, max);
  }
}

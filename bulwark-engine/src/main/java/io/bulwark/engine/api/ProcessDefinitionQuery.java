package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a process definition list as Camunda's definition query has them, all optional (null)
 * and combined with AND; {@code nameLike} is a SQL LIKE pattern bound as a parameter (E5); sets at
 * most 1000 values (W11); {@code latestVersion} keeps only the highest version of each key. Page:
 * {@code firstResult} from 0, {@code maxResults} 1..2000 (W8). Sorted by key unless told otherwise,
 * ties by id.
 */
public record ProcessDefinitionQuery(
    @Nullable String id,
    @Nullable Set<String> ids,
    @Nullable String key,
    @Nullable Set<String> keys,
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

  public ProcessDefinitionQuery {
    ids = ids == null ? null : Set.copyOf(ids);
    keys = keys == null ? null : Set.copyOf(keys);
    tenantIds = tenantIds == null ? null : Set.copyOf(tenantIds);
    sortBy = sortBy == null ? Sort.KEY : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every definition the caller may read, first page of 100. */
  public static ProcessDefinitionQuery all() {
    return new ProcessDefinitionQuery(
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

  public ProcessDefinitionQuery withId(String definitionId) {
    return new ProcessDefinitionQuery(
        definitionId,
        ids,
        key,
        keys,
        name,
        nameLike,
        version,
        latestVersion,
        deploymentId,
        tenantIds,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  /** The latest version of {@code definitionKey} only. */
  public ProcessDefinitionQuery latestOf(String definitionKey) {
    return new ProcessDefinitionQuery(
        id,
        ids,
        definitionKey,
        keys,
        name,
        nameLike,
        version,
        true,
        deploymentId,
        tenantIds,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public ProcessDefinitionQuery withTenants(Set<String> tenants) {
    return new ProcessDefinitionQuery(
        id,
        ids,
        key,
        keys,
        name,
        nameLike,
        version,
        latestVersion,
        deploymentId,
        tenants,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public ProcessDefinitionQuery page(int first, int max) {
    return new ProcessDefinitionQuery(
        id,
        ids,
        key,
        keys,
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

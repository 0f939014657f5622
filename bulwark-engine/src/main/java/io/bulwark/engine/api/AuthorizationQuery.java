package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of an authorization rule list, as Camunda's authorization query has them, all optional
 * (null) and combined with AND: the rule's ID, its type ({@code GLOBAL}, {@code GRANT}, {@code
 * REVOKE}), the users or groups it names (at most 1000 each, W11), its resource type name and its
 * resource ID (exactly, so {@code *} finds the rules on all resources). Paged (W8); sorted by ID
 * unless told otherwise, ties broken by ID.
 */
public record AuthorizationQuery(
    @Nullable String id,
    @Nullable String type,
    @Nullable Set<String> userIds,
    @Nullable Set<String> groupIds,
    @Nullable String resourceType,
    @Nullable String resourceId,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list. */
  public enum Sort {
    ID,
    RESOURCE_TYPE,
    RESOURCE_ID
  }

  public AuthorizationQuery {
    userIds = userIds == null ? null : Set.copyOf(userIds);
    groupIds = groupIds == null ? null : Set.copyOf(groupIds);
    sortBy = sortBy == null ? Sort.ID : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every rule the caller may read, the first page of {@code maxResults}. */
  public static AuthorizationQuery all(int maxResults) {
    return new AuthorizationQuery(
        null, null, null, null, null, null, Sort.ID, SortOrder.ASC, 0, maxResults);
  }

  public AuthorizationQuery page(int first, int max) {
    return new AuthorizationQuery(
        id, type, userIds, groupIds, resourceType, resourceId, sortBy, sortOrder, first, max);
  }
}

package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a group list, as Camunda's group query has them, all optional (null) and combined with
 * AND; {@code nameLike} is a SQL LIKE pattern bound as a parameter (E5), {@code ids} at most 1000
 * IDs (W11), {@code member} a user ID. Page as in {@link UserQuery} (W8). Sorted by ID unless told
 * otherwise.
 */
public record GroupQuery(
    @Nullable String id,
    @Nullable Set<String> ids,
    @Nullable String name,
    @Nullable String nameLike,
    @Nullable String type,
    @Nullable String member,
    @Nullable String memberOfTenant,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list. */
  public enum Sort {
    ID,
    NAME,
    TYPE
  }

  public GroupQuery {
    ids = ids == null ? null : Set.copyOf(ids);
    sortBy = sortBy == null ? Sort.ID : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every group the caller may read, first page of 100. */
  public static GroupQuery all() {
    return new GroupQuery(null, null, null, null, null, null, null, Sort.ID, SortOrder.ASC, 0, 100);
  }

  /** Groups the user belongs to. */
  public GroupQuery withMember(String userId) {
    return new GroupQuery(
        id,
        ids,
        name,
        nameLike,
        type,
        userId,
        memberOfTenant,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public GroupQuery page(int first, int max) {
    return new GroupQuery(
        id, ids, name, nameLike, type, member, memberOfTenant, sortBy, sortOrder, first, max);
  }
}

package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a tenant list, as Camunda's tenant query has them, all optional (null) and combined
 * with AND; {@code nameLike} is a SQL LIKE pattern bound as a parameter (E5), {@code ids} at most
 * 1000 IDs (W11). {@code userMember} matches tenants the user belongs to directly, or through one
 * of their groups when {@code includingGroupsOfUser} is set (as Camunda's {@code
 * includingGroupsOfUser}); {@code groupMember} matches tenants of that group. Page as in {@link
 * UserQuery} (W8). Sorted by ID unless told otherwise.
 */
public record TenantQuery(
    @Nullable String id,
    @Nullable Set<String> ids,
    @Nullable String name,
    @Nullable String nameLike,
    @Nullable String userMember,
    MemberMatch memberMatch,
    @Nullable String groupMember,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list. */
  public enum Sort {
    ID,
    NAME
  }

  /** How {@code userMember} matches. */
  public enum MemberMatch {
    /** The user is a member of the tenant. */
    DIRECT,
    /** The user, or one of the user's groups, is a member of the tenant. */
    INCLUDING_GROUPS
  }

  public TenantQuery {
    ids = ids == null ? null : Set.copyOf(ids);
    memberMatch = memberMatch == null ? MemberMatch.DIRECT : memberMatch;
    sortBy = sortBy == null ? Sort.ID : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every tenant the caller may read, first page of 100. */
  public static TenantQuery all() {
    return new TenantQuery(
        null, null, null, null, null, MemberMatch.DIRECT, null, Sort.ID, SortOrder.ASC, 0, 100);
  }

  /** Tenants the user belongs to, directly or as {@code match} says. */
  public TenantQuery withUserMember(String userId, MemberMatch match) {
    return new TenantQuery(
        id,
        ids,
        name,
        nameLike,
        userId,
        match,
        groupMember,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public TenantQuery withGroupMember(String groupId) {
    return new TenantQuery(
        id,
        ids,
        name,
        nameLike,
        userMember,
        memberMatch,
        groupId,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public TenantQuery page(int first, int max) {
    return new TenantQuery(
        id,
        ids,
        name,
        nameLike,
        userMember,
        memberMatch,
        groupMember,
        sortBy,
        sortOrder,
        first,
        max);
  }
}

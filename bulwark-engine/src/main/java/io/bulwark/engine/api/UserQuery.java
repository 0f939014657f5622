package io.bulwark.engine.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a user list, as Camunda's user query has them, all optional (null) and combined with
 * AND. The {@code …Like} values are SQL LIKE patterns ({@code %} any text, {@code _} one
 * character), always bound as parameters (E5); {@code ids} matches any of at most 1000 IDs (W11).
 * Page: {@code firstResult} from 0, {@code maxResults} 1..2000 (W8); other values are refused with
 * a {@link ValidationException} naming the field. Sorted by ID unless told otherwise, ties by ID.
 */
public record UserQuery(
    @Nullable String id,
    @Nullable Set<String> ids,
    @Nullable String firstName,
    @Nullable String firstNameLike,
    @Nullable String lastName,
    @Nullable String lastNameLike,
    @Nullable String email,
    @Nullable String emailLike,
    @Nullable String memberOfGroup,
    @Nullable String memberOfTenant,
    Sort sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list. */
  public enum Sort {
    ID,
    FIRST_NAME,
    LAST_NAME,
    EMAIL
  }

  public UserQuery {
    ids = ids == null ? null : Set.copyOf(ids);
    sortBy = sortBy == null ? Sort.ID : sortBy;
    sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
  }

  /** Every user the caller may read, first page of 100. */
  public static UserQuery all() {
    return new UserQuery(
        null, null, null, null, null, null, null, null, null, null, Sort.ID, SortOrder.ASC, 0, 100);
  }

  /** Members of the group. */
  public UserQuery memberOf(String groupId) {
    return new UserQuery(
        id,
        ids,
        firstName,
        firstNameLike,
        lastName,
        lastNameLike,
        email,
        emailLike,
        groupId,
        memberOfTenant,
        sortBy,
        sortOrder,
        firstResult,
        maxResults);
  }

  public UserQuery orderBy(Sort key, SortOrder order) {
    return new UserQuery(
        id,
        ids,
        firstName,
        firstNameLike,
        lastName,
        lastNameLike,
        email,
        emailLike,
        memberOfGroup,
        memberOfTenant,
        key,
        order,
        firstResult,
        maxResults);
  }

  public UserQuery page(int first, int max) {
    return new UserQuery(
        id,
        ids,
        firstName,
        firstNameLike,
        lastName,
        lastNameLike,
        email,
        emailLike,
        memberOfGroup,
        memberOfTenant,
        sortBy,
        sortOrder,
        first,
        max);
  }
}

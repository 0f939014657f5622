package io.bulwark.engine.identity;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryFilters;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;

/**
 * A page of users and the total that match, from one {@link ListQuery} (W8), restricted in SQL to
 * the users the actor may read (Z2).
 */
final class FindUsersCommand implements Command<Page<User>> {

  private final UserEmails emails;

  private static final String ENCRYPTED =
      "e-mail addresses are stored encrypted (D1), so they cannot be matched by pattern or sorted; ";

  private final UserQuery query;

  FindUsersCommand(UserEmails emails, UserQuery query) {
    this.emails = emails;
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the USER READ list filter (Z2)");
  }

  @Override
  public Page<User> execute(CommandContext context) throws SQLException {
    ListQuery.Builder builder = IdentityRepository.SHAPE.query();
    QueryFilters.equal(builder, "u.id", query.id());
    QueryFilters.in(builder, "u.id", query.ids());
    QueryFilters.equal(builder, "u.first_name", query.firstName());
    QueryFilters.like(builder, "u.first_name", query.firstNameLike());
    QueryFilters.equal(builder, "u.last_name", query.lastName());
    QueryFilters.like(builder, "u.last_name", query.lastNameLike());
    emailFilters(builder);
    if (query.memberOfGroup() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_membership m WHERE m.user_id = u.id AND m.group_id = ?)",
          query.memberOfGroup());
    }
    if (query.memberOfTenant() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_tenant_user tu WHERE tu.user_id = u.id AND tu.tenant_id = ?)",
          query.memberOfTenant());
    }
    ListQuery list =
        builder
            .orderBy(sortKey(), SortDirection.valueOf(query.sortOrder().name()))
            .page(query.firstResult(), query.maxResults())
            .authorizationFilter(context.listFilter(ResourceType.USER, Permission.READ, "u.id"))
            .build();
    return new Page<>(
        list.list(context.connection(), IdentityRepository.user(emails)),
        list.count(context.connection()));
  }

  /**
   * The address filters: in clear, {@code email} exact and {@code emailLike} in SQL; encrypted
   * (D1), {@code email} by its lookup hash, ignoring case (rows still in clear match exactly), and
   * {@code emailLike} refused: a pattern cannot be matched against ciphertext.
   */
  private void emailFilters(ListQuery.Builder builder) {
    String email = query.email();
    if (!emails.encrypted()) {
      QueryFilters.equal(builder, "u.email", email);
      QueryFilters.like(builder, "u.email", query.emailLike());
      return;
    }
    if (query.emailLike() != null) {
      throw ValidationException.of("emailLike", "encrypted", ENCRYPTED + "filter with email");
    }
    if (email != null) {
      builder.where("(u.email = ? OR u.email_hash = ?)", email, emails.lookupHash(email).get());
    }
  }

  /** The sort key; sorting by address is refused when addresses are encrypted (D1). */
  private String sortKey() {
    if (emails.encrypted() && query.sortBy() == UserQuery.Sort.EMAIL) {
      throw ValidationException.of("sortBy", "encrypted", ENCRYPTED + "sort by another field");
    }
    return query.sortBy().name();
  }
}

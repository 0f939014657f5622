package io.bulwark.server.rest;

import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.api.User;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of Camunda 7's identity resources, as records that Jackson reads and writes.
 * Bulwark adds {@code displayName} and {@code disabled} to a user profile and {@code temporary} to
 * credentials; clients that do not know them ignore them.
 */
final class IdentityJson {

  private IdentityJson() {}

  /**
   * Camunda's {@code UserProfileDto}, plus the display name, locale and time zone (Z9) and, in
   * answers, whether the user is disabled.
   */
  record UserProfile(
      @Nullable String id,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      @Nullable String displayName,
      @Nullable String locale,
      @Nullable String timeZone,
      @Nullable Boolean disabled) {

    static UserProfile of(User user) {
      return new UserProfile(
          user.id(),
          user.firstName(),
          user.lastName(),
          user.email(),
          user.displayName(),
          user.locale(),
          user.timeZone(),
          user.disabled());
    }

    io.bulwark.engine.api.UserProfile toEngine() {
      return new io.bulwark.engine.api.UserProfile(
          firstName, lastName, displayName, email, locale, timeZone);
    }
  }

  /**
   * Camunda's {@code UserCredentialsDto}: the new password and the password of the user making the
   * request. {@code temporary} (default true) makes the new password a one-time password when an
   * administrator sets another user's password (A2).
   */
  record Credentials(
      @Nullable String password,
      @Nullable String authenticatedUserPassword,
      @Nullable Boolean temporary) {}

  /** Camunda's {@code UserDto}: the body of {@code POST /user/create}. */
  record NewUser(@Nullable UserProfile profile, @Nullable Credentials credentials) {}

  /** Camunda's {@code GroupDto}. */
  record GroupJson(@Nullable String id, @Nullable String name, @Nullable String type) {
    static GroupJson of(Group group) {
      return new GroupJson(group.id(), group.name(), group.type());
    }
  }

  /** Camunda's {@code TenantDto}. */
  record TenantJson(@Nullable String id, @Nullable String name) {
    static TenantJson of(Tenant tenant) {
      return new TenantJson(tenant.id(), tenant.name());
    }
  }

  /** Camunda's {@code CountResultDto}. */
  record Count(long count) {}
}

package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.IdentityJson.Credentials;
import io.bulwark.server.rest.IdentityJson.NewUser;
import io.bulwark.server.rest.IdentityJson.UserProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's user resource under {@code /engine-rest/user}, plus {@code POST …/{id}/disable} and
 * {@code …/enable}. Changes answer 204 as Camunda's do. A user created here, or whose password an
 * administrator sets, must change that password at first use unless the credentials say {@code
 * "temporary": false} (A2).
 */
@RestController
final class UserController {

  private static final Map<String, UserQuery.Sort> SORT_KEYS =
      Map.of(
          "userId", UserQuery.Sort.ID,
          "firstName", UserQuery.Sort.FIRST_NAME,
          "lastName", UserQuery.Sort.LAST_NAME,
          "email", UserQuery.Sort.EMAIL);

  private final IdentityService identity;
  private final AuthEventLog events;

  UserController(BulwarkEngine engine, AuthEventLog events) {
    this.identity = engine.identityService();
    this.events = events;
  }

  @PostMapping(RestPaths.USER + "/create")
  ResponseEntity<Void> create(
      @RequestBody NewUser body, Authentication authentication, HttpServletRequest request) {
    UserProfile profile = RequestBodies.required(body.profile(), "profile");
    Credentials credentials = RequestBodies.required(body.credentials(), "credentials");
    try (Secret password = Secret.of(RequestBodies.required(credentials.password(), "password"))) {
      identity.createUser(
          Principals.of(authentication),
          new io.bulwark.engine.api.NewUser(
              Objects.requireNonNullElse(profile.id(), ""),
              profile.toEngine(),
              password,
              passwordChange(credentials)));
    }
    changed(authentication, "user_created", RequestBodies.required(profile.id(), "id"), request);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(RestPaths.USER)
  List<UserProfile> list(UserFilter filter, Authentication authentication) {
    UserQuery query = filter.toQuery();
    var page = identity.findUsers(Principals.of(authentication), query);
    ListParameters.requireComplete(filter.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(UserProfile::of).toList();
  }

  @GetMapping(RestPaths.USER + "/count")
  Count count(UserFilter filter, Authentication authentication) {
    return new Count(
        identity.findUsers(Principals.of(authentication), filter.toQuery().page(0, 1)).total());
  }

  @GetMapping(RestPaths.USER + "/{id}/profile")
  UserProfile profile(@PathVariable String id, Authentication authentication) {
    return UserProfile.of(identity.getUser(Principals.of(authentication), id));
  }

  @PutMapping(RestPaths.USER + "/{id}/profile")
  ResponseEntity<Void> updateProfile(
      @PathVariable String id,
      @RequestBody UserProfile body,
      Authentication authentication,
      HttpServletRequest request) {
    if (body.id() != null && !body.id().equals(id)) {
      throw ValidationException.of(
          "id",
          "matches-path",
          "the profile's id must be the user ID of the path; IDs never change");
    }
    identity.updateProfile(Principals.of(authentication), id, body.toEngine());
    changed(authentication, "user_updated", id, request);
    return ResponseEntity.noContent().build();
  }

  /**
   * Changes the caller's own password (after checking {@code authenticatedUserPassword}, their
   * current one), or, for another user, sets it as an administrator does after confirming the
   * caller's own password.
   */
  @PutMapping(RestPaths.USER + "/{id}/credentials")
  ResponseEntity<Void> credentials(
      @PathVariable String id, @RequestBody Credentials body, Authentication authentication) {
    Principal principal = Principals.of(authentication);
    try (Secret password = Secret.of(RequestBodies.required(body.password(), "password"));
        Secret confirmation =
            Secret.of(
                RequestBodies.required(
                    body.authenticatedUserPassword(), "authenticatedUserPassword"))) {
      if (id.equals(principal.userId())) {
        changeOwnPassword(id, confirmation, password);
      } else {
        identity.setPassword(principal, confirmation, id, password, passwordChange(body));
      }
    }
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(RestPaths.USER + "/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String id, Authentication authentication, HttpServletRequest request) {
    identity.deleteUser(Principals.of(authentication), id);
    changed(authentication, "user_deleted", id, request);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(RestPaths.USER + "/{id}/disable")
  ResponseEntity<Void> disable(
      @PathVariable String id, Authentication authentication, HttpServletRequest request) {
    identity.disableUser(Principals.of(authentication), id);
    changed(authentication, "user_disabled", id, request);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(RestPaths.USER + "/{id}/enable")
  ResponseEntity<Void> enable(
      @PathVariable String id, Authentication authentication, HttpServletRequest request) {
    identity.enableUser(Principals.of(authentication), id);
    changed(authentication, "user_enabled", id, request);
    return ResponseEntity.noContent().build();
  }

  private void changed(
      Authentication authentication, String event, String userId, HttpServletRequest request) {
    events.userChanged(authentication.getName(), event, userId, request.getRemoteAddr());
  }

  /** The engine's {@code currentPassword} is Camunda's {@code authenticatedUserPassword} here. */
  private void changeOwnPassword(String id, Secret current, Secret password) {
    try {
      identity.changePassword(id, current, password);
    } catch (ValidationException e) {
      if (!"currentPassword".equals(e.field())) {
        throw e;
      }
      throw new ValidationException(
          "authenticatedUserPassword",
          e.rules(),
          "the authenticatedUserPassword is not your current password");
    }
  }

  private static PasswordChange passwordChange(Credentials credentials) {
    return Boolean.FALSE.equals(credentials.temporary())
        ? PasswordChange.NOT_REQUIRED
        : PasswordChange.REQUIRED;
  }

  /** Camunda's user query parameters, bound by name from the query string. */
  record UserFilter(
      @Nullable String id,
      @Nullable String idIn,
      @Nullable String firstName,
      @Nullable String firstNameLike,
      @Nullable String lastName,
      @Nullable String lastNameLike,
      @Nullable String email,
      @Nullable String emailLike,
      @Nullable String memberOfGroup,
      @Nullable String memberOfTenant,
      @Nullable String sortBy,
      @Nullable String sortOrder,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    UserQuery toQuery() {
      return new UserQuery(
          id,
          ListParameters.list(idIn),
          firstName,
          firstNameLike,
          lastName,
          lastNameLike,
          email,
          emailLike,
          memberOfGroup,
          memberOfTenant,
          ListParameters.sortBy(sortBy, SORT_KEYS, UserQuery.Sort.ID),
          ListParameters.sortOrder(sortOrder),
          ListParameters.firstResult(firstResult),
          ListParameters.maxResults(maxResults));
    }
  }
}

package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.access.BusyAuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's {@code GET /engine-rest/identity/groups} (the groups of a user; a user may read their
 * own) and {@code POST /engine-rest/identity/verify} (checks a user's password through the same
 * login throttle and password-check bound as a login, A5, A6, E8; every refusal answers the same
 * {@code authenticated: false}, so it reveals neither accounts nor locks).
 */
@RestController
final class IdentityVerifyController {

  private final IdentityService identity;
  private final AuthenticationProvider passwords;

  IdentityVerifyController(
      BulwarkEngine engine,
      @Qualifier("apiAuthenticationProvider") AuthenticationProvider passwords) {
    this.identity = engine.identityService();
    this.passwords = passwords;
  }

  @GetMapping(RestPaths.BASE + "/identity/groups")
  GroupsJson groups(@RequestParam String userId, Authentication authentication) {
    var groups =
        identity.findGroups(
            Principals.of(authentication),
            new GroupQuery(
                null,
                null,
                null,
                null,
                null,
                userId,
                null,
                GroupQuery.Sort.ID,
                SortOrder.ASC,
                0,
                ListParameters.MAX_RESULTS));
    return new GroupsJson(
        groups.items().stream().map(g -> new GroupJson(g.id(), g.name())).toList(), List.of());
  }

  @PostMapping(RestPaths.BASE + "/identity/verify")
  VerifiedJson verify(@RequestBody CredentialsJson body, HttpServletRequest request) {
    if (body.username() == null || body.password() == null) {
      throw ValidationException.of("username", "required", "username and password are required");
    }
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password());
    attempt.setDetails(new WebAuthenticationDetails(request));
    try {
      Authentication result = passwords.authenticate(attempt);
      boolean authenticated = result != null && result.isAuthenticated();
      return new VerifiedJson(body.username(), authenticated);
    } catch (BusyAuthenticationException busy) {
      throw busy;
    } catch (AuthenticationException refused) {
      return new VerifiedJson(body.username(), false);
    }
  }

  /** Camunda's {@code PasswordCredentialsDto}. */
  record CredentialsJson(@Nullable String username, @Nullable String password) {
    @Override
    public String toString() {
      return "CredentialsJson[username=" + username + ", password=****]";
    }
  }

  /** Camunda's {@code AuthenticationResult}. */
  record VerifiedJson(@Nullable String authenticatedUser, boolean authenticated) {}

  /** Camunda's {@code GroupInfoDto}. */
  record GroupsJson(List<GroupJson> groups, List<Object> groupUsers) {}

  /** Camunda's {@code GroupDto} within it. */
  record GroupJson(@Nullable String id, @Nullable String name) {}
}

package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.TenantQuery;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.IdentityJson.TenantJson;
import java.util.List;
import java.util.Map;
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

/** Camunda 7's tenant resource under {@code /engine-rest/tenant}, with user and group members. */
@RestController
final class TenantController {

  private static final Map<String, TenantQuery.Sort> SORT_KEYS =
      Map.of("id", TenantQuery.Sort.ID, "name", TenantQuery.Sort.NAME);

  private final IdentityService identity;

  TenantController(BulwarkEngine engine) {
    this.identity = engine.identityService();
  }

  @PostMapping(RestPaths.TENANT + "/create")
  ResponseEntity<Void> create(@RequestBody TenantJson body, Authentication authentication) {
    identity.createTenant(
        Principals.of(authentication),
        RequestBodies.required(body.id(), "id"),
        RequestBodies.required(body.name(), "name"));
    return ResponseEntity.noContent().build();
  }

  @GetMapping(RestPaths.TENANT)
  List<TenantJson> list(TenantFilter filter, Authentication authentication) {
    TenantQuery query = filter.toQuery();
    var page = identity.findTenants(Principals.of(authentication), query);
    ListParameters.requireComplete(filter.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(TenantJson::of).toList();
  }

  @GetMapping(RestPaths.TENANT + "/count")
  Count count(TenantFilter filter, Authentication authentication) {
    return new Count(
        identity.findTenants(Principals.of(authentication), filter.toQuery().page(0, 1)).total());
  }

  @GetMapping(RestPaths.TENANT + "/{id}")
  TenantJson get(@PathVariable String id, Authentication authentication) {
    return TenantJson.of(identity.getTenant(Principals.of(authentication), id));
  }

  @PutMapping(RestPaths.TENANT + "/{id}")
  ResponseEntity<Void> update(
      @PathVariable String id, @RequestBody TenantJson body, Authentication authentication) {
    GroupController.requireSameId(body.id(), id);
    identity.updateTenant(
        Principals.of(authentication), id, RequestBodies.required(body.name(), "name"));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(RestPaths.TENANT + "/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, Authentication authentication) {
    identity.deleteTenant(Principals.of(authentication), id);
    return ResponseEntity.noContent().build();
  }

  @PutMapping(RestPaths.TENANT + "/{id}/user-members/{userId}")
  ResponseEntity<Void> addUser(
      @PathVariable String id, @PathVariable String userId, Authentication authentication) {
    identity.addTenantUser(Principals.of(authentication), id, userId);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(RestPaths.TENANT + "/{id}/user-members/{userId}")
  ResponseEntity<Void> removeUser(
      @PathVariable String id, @PathVariable String userId, Authentication authentication) {
    identity.removeTenantUser(Principals.of(authentication), id, userId);
    return ResponseEntity.noContent().build();
  }

  @PutMapping(RestPaths.TENANT + "/{id}/group-members/{groupId}")
  ResponseEntity<Void> addGroup(
      @PathVariable String id, @PathVariable String groupId, Authentication authentication) {
    identity.addTenantGroup(Principals.of(authentication), id, groupId);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(RestPaths.TENANT + "/{id}/group-members/{groupId}")
  ResponseEntity<Void> removeGroup(
      @PathVariable String id, @PathVariable String groupId, Authentication authentication) {
    identity.removeTenantGroup(Principals.of(authentication), id, groupId);
    return ResponseEntity.noContent().build();
  }

  /** Camunda's tenant query parameters, bound by name from the query string. */
  record TenantFilter(
      @Nullable String id,
      @Nullable String idIn,
      @Nullable String name,
      @Nullable String nameLike,
      @Nullable String userMember,
      @Nullable Boolean includingGroupsOfUser,
      @Nullable String groupMember,
      @Nullable String sortBy,
      @Nullable String sortOrder,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    TenantQuery toQuery() {
      return new TenantQuery(
          id,
          ListParameters.list(idIn),
          name,
          nameLike,
          userMember,
          Boolean.TRUE.equals(includingGroupsOfUser)
              ? TenantQuery.MemberMatch.INCLUDING_GROUPS
              : TenantQuery.MemberMatch.DIRECT,
          groupMember,
          ListParameters.sortBy(sortBy, SORT_KEYS, TenantQuery.Sort.ID),
          ListParameters.sortOrder(sortOrder),
          ListParameters.firstResult(firstResult),
          ListParameters.maxResults(maxResults));
    }
  }
}

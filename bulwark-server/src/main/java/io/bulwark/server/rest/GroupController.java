package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.IdentityJson.GroupJson;
import jakarta.servlet.http.HttpServletRequest;
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

/** Camunda 7's group resource under {@code /engine-rest/group}, with its members. */
@RestController
final class GroupController {

  private static final Map<String, GroupQuery.Sort> SORT_KEYS =
      Map.of("id", GroupQuery.Sort.ID, "name", GroupQuery.Sort.NAME, "type", GroupQuery.Sort.TYPE);

  private final IdentityService identity;
  private final AuthEventLog events;

  GroupController(BulwarkEngine engine, AuthEventLog events) {
    this.identity = engine.identityService();
    this.events = events;
  }

  @PostMapping(RestPaths.GROUP + "/create")
  ResponseEntity<Void> create(
      @RequestBody GroupJson body, Authentication authentication, HttpServletRequest request) {
    String groupId = RequestBodies.required(body.id(), "id");
    identity.createGroup(
        Principals.of(authentication),
        groupId,
        RequestBodies.required(body.name(), "name"),
        body.type());
    events.groupChanged(
        authentication.getName(), "group_created", groupId, request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  @GetMapping(RestPaths.GROUP)
  List<GroupJson> list(GroupFilter filter, Authentication authentication) {
    GroupQuery query = filter.toQuery();
    var page = identity.findGroups(Principals.of(authentication), query);
    ListParameters.requireComplete(filter.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(GroupJson::of).toList();
  }

  @GetMapping(RestPaths.GROUP + "/count")
  Count count(GroupFilter filter, Authentication authentication) {
    return new Count(
        identity.findGroups(Principals.of(authentication), filter.toQuery().page(0, 1)).total());
  }

  @GetMapping(RestPaths.GROUP + "/{id}")
  GroupJson get(@PathVariable String id, Authentication authentication) {
    return GroupJson.of(identity.getGroup(Principals.of(authentication), id));
  }

  @PutMapping(RestPaths.GROUP + "/{id}")
  ResponseEntity<Void> update(
      @PathVariable String id, @RequestBody GroupJson body, Authentication authentication) {
    requireSameId(body.id(), id);
    identity.updateGroup(
        Principals.of(authentication),
        id,
        RequestBodies.required(body.name(), "name"),
        body.type());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(RestPaths.GROUP + "/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String id, Authentication authentication, HttpServletRequest request) {
    identity.deleteGroup(Principals.of(authentication), id);
    events.groupChanged(authentication.getName(), "group_deleted", id, request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  @PutMapping(RestPaths.GROUP + "/{id}/members/{userId}")
  ResponseEntity<Void> addMember(
      @PathVariable String id,
      @PathVariable String userId,
      Authentication authentication,
      HttpServletRequest request) {
    identity.addMembership(Principals.of(authentication), userId, id);
    events.membershipChanged(
        authentication.getName(), "membership_added", userId, id, request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(RestPaths.GROUP + "/{id}/members/{userId}")
  ResponseEntity<Void> removeMember(
      @PathVariable String id,
      @PathVariable String userId,
      Authentication authentication,
      HttpServletRequest request) {
    identity.removeMembership(Principals.of(authentication), userId, id);
    events.membershipChanged(
        authentication.getName(), "membership_removed", userId, id, request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  /** An ID in the body of an update must be the one of the path: IDs never change. */
  static void requireSameId(@Nullable String bodyId, String pathId) {
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw ValidationException.of(
          "id", "matches-path", "the body's id must be the ID of the path; IDs never change");
    }
  }

  /** Camunda's group query parameters, bound by name from the query string. */
  record GroupFilter(
      @Nullable String id,
      @Nullable String idIn,
      @Nullable String name,
      @Nullable String nameLike,
      @Nullable String type,
      @Nullable String member,
      @Nullable String memberOfTenant,
      @Nullable String sortBy,
      @Nullable String sortOrder,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    GroupQuery toQuery() {
      return new GroupQuery(
          id,
          ListParameters.list(idIn),
          name,
          nameLike,
          type,
          member,
          memberOfTenant,
          ListParameters.sortBy(sortBy, SORT_KEYS, GroupQuery.Sort.ID),
          ListParameters.sortOrder(sortOrder),
          ListParameters.firstResult(firstResult),
          ListParameters.maxResults(maxResults));
    }
  }
}

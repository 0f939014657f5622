package io.bulwark.server.rest;

import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.api.AuthorizationQuery;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.CamundaNumbering;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.rest.AuthorizationJson.CheckResult;
import io.bulwark.server.rest.AuthorizationJson.Explanation;
import io.bulwark.server.rest.AuthorizationJson.NewRule;
import io.bulwark.server.rest.AuthorizationJson.Options;
import io.bulwark.server.rest.AuthorizationJson.Rule;
import io.bulwark.server.rest.AuthorizationJson.RuleChange;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.TaskJson.Link;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's authorization resource under {@code /engine-rest/authorization} (Z2, Z5, Z6), with
 * its numeric rule and resource types, and Bulwark's explain (Z8). The engine checks every call
 * against the rules on {@code AUTHORIZATION}; a user may always check their own permissions.
 */
@RestController
final class AuthorizationController {

  private static final String ONE = RestPaths.AUTHORIZATION + "/{id}";
  private static final int MAX_NAME = 255;
  private static final Map<String, AuthorizationQuery.Sort> SORT_KEYS =
      Map.of(
          "resourceType", AuthorizationQuery.Sort.RESOURCE_TYPE,
          "resourceId", AuthorizationQuery.Sort.RESOURCE_ID);

  private final AuthorizationService rules;
  private final AuthEventLog events;

  AuthorizationController(BulwarkEngine engine, AuthEventLog events) {
    this.rules = engine.authorizationService();
    this.events = events;
  }

  @PostMapping(RestPaths.AUTHORIZATION + "/create")
  Rule create(
      @RequestBody NewRule body, Authentication authentication, HttpServletRequest request) {
    if (body.type() == null) {
      throw ValidationException.of("type", "required", "type is required: 0, 1 or 2");
    }
    String type = AuthorizationJson.ruleType("type", body.type());
    if (body.resourceType() == null) {
      throw ValidationException.of("resourceType", "required", "resourceType is required");
    }
    AuthorizationRule created =
        rules.createRule(
            Principals.of(authentication),
            new NewAuthorizationRule(
                type,
                AuthorizationJson.userId(type, body.userId()),
                body.groupId(),
                AuthorizationJson.resourceType("resourceType", body.resourceType()),
                body.resourceId(),
                AuthorizationJson.permissions(body.permissions())));
    events.ruleChanged(
        authentication.getName(), "rule_created", created.id(), request.getRemoteAddr());
    return Rule.of(created);
  }

  @GetMapping(RestPaths.AUTHORIZATION)
  List<Rule> list(RuleFilter filter, Authentication authentication) {
    AuthorizationQuery query = filter.toQuery();
    var page = rules.findRules(Principals.of(authentication), query);
    ListParameters.requireComplete(filter.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(Rule::of).toList();
  }

  @GetMapping(RestPaths.AUTHORIZATION + "/count")
  Count count(RuleFilter filter, Authentication authentication) {
    return new Count(
        rules.findRules(Principals.of(authentication), filter.toQuery().page(0, 1)).total());
  }

  @GetMapping(RestPaths.AUTHORIZATION + "/check")
  CheckResult check(CheckParameters parameters, Authentication authentication) {
    String permissionName = requireName("permissionName", parameters.permissionName());
    String resourceName = requireName("resourceName", parameters.resourceName());
    if (parameters.resourceType() == null) {
      throw ValidationException.of("resourceType", "required", "resourceType is required");
    }
    Principal principal = Principals.of(authentication);
    String type = AuthorizationJson.resourceType("resourceType", parameters.resourceType());
    String permission = CamundaNumbering.permission(permissionName);
    String resourceId = parameters.resourceId();
    AccessAnswer answer =
        parameters.userId() == null || parameters.userId().equals(principal.userId())
            ? rules.check(principal, permission, type, resourceId)
            : rules.explain(principal, parameters.userId(), permission, type, resourceId);
    return new CheckResult(permissionName, resourceName, resourceId, answer.granted());
  }

  /** Bulwark's explain (Z8): the decision for a user and the rule that made it. */
  @GetMapping(RestPaths.AUTHORIZATION + "/explain")
  Explanation explain(ExplainParameters parameters, Authentication authentication) {
    String type = parameters.typeName();
    String permission = CamundaNumbering.permission(parameters.permission());
    AccessAnswer answer =
        rules.explain(
            Principals.of(authentication),
            parameters.userId(),
            permission,
            type,
            parameters.resourceId());
    return Explanation.of(parameters.userId(), permission, type, parameters.resourceId(), answer);
  }

  @GetMapping(ONE)
  Rule get(@PathVariable String id, Authentication authentication) {
    return Rule.of(find(Principals.of(authentication), id));
  }

  @PutMapping(ONE)
  ResponseEntity<Void> update(
      @PathVariable String id,
      @RequestBody RuleChange body,
      Authentication authentication,
      HttpServletRequest request) {
    GroupController.requireSameId(body.id(), id);
    Principal principal = Principals.of(authentication);
    AuthorizationRule current = find(principal, id);
    String type = AuthorizationJson.ruleType("type", body.type());
    String resourceType = AuthorizationJson.resourceType("resourceType", body.resourceType());
    rules.updateRule(
        principal,
        id,
        new NewAuthorizationRule(
            type,
            AuthorizationJson.userId(current.type(), body.userId()),
            body.groupId(),
            resourceType == null ? current.resourceType() : resourceType,
            body.resourceId(),
            body.permissions() == null
                ? current.permissions()
                : AuthorizationJson.permissions(body.permissions())));
    events.ruleChanged(authentication.getName(), "rule_updated", id, request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(ONE)
  ResponseEntity<Void> delete(
      @PathVariable String id, Authentication authentication, HttpServletRequest request) {
    rules.deleteRule(Principals.of(authentication), id);
    events.ruleChanged(authentication.getName(), "rule_deleted", id, request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  @RequestMapping(path = RestPaths.AUTHORIZATION, method = RequestMethod.OPTIONS)
  Options options(Authentication authentication) {
    List<Link> links = new ArrayList<>();
    links.add(new Link("GET", RestPaths.AUTHORIZATION, "list"));
    links.add(new Link("GET", RestPaths.AUTHORIZATION + "/count", "count"));
    if (may(Principals.of(authentication), "CREATE", null)) {
      links.add(new Link("POST", RestPaths.AUTHORIZATION + "/create", "create"));
    }
    return new Options(links);
  }

  @RequestMapping(path = ONE, method = RequestMethod.OPTIONS)
  Options options(@PathVariable String id, Authentication authentication) {
    Principal principal = Principals.of(authentication);
    String self = RestPaths.AUTHORIZATION + "/" + id;
    List<Link> links = new ArrayList<>();
    if (may(principal, "READ", id)) {
      links.add(new Link("GET", self, "self"));
    }
    if (may(principal, "DELETE", id)) {
      links.add(new Link("DELETE", self, "delete"));
    }
    if (may(principal, "UPDATE", id)) {
      links.add(new Link("PUT", self, "update"));
    }
    return new Options(links);
  }

  private boolean may(Principal principal, String permission, @Nullable String ruleId) {
    return rules.check(principal, permission, "AUTHORIZATION", ruleId).granted();
  }

  private AuthorizationRule find(Principal principal, String id) {
    return rules
        .findRule(principal, id)
        .orElseThrow(() -> new NotFoundException("authorization " + id + " not found"));
  }

  private static String requireName(String field, @Nullable String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_NAME) {
      throw ValidationException.of(
          field, "required", field + " is required, at most " + MAX_NAME + " characters");
    }
    return value;
  }

  /** Camunda's authorization query parameters, bound by name from the query string. */
  record RuleFilter(
      @Nullable String id,
      @Nullable Integer type,
      @Nullable String userIdIn,
      @Nullable String groupIdIn,
      @Nullable Integer resourceType,
      @Nullable String resourceId,
      @Nullable String sortBy,
      @Nullable String sortOrder,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    AuthorizationQuery toQuery() {
      return new AuthorizationQuery(
          id,
          AuthorizationJson.ruleType("type", type),
          ListParameters.list(userIdIn),
          ListParameters.list(groupIdIn),
          AuthorizationJson.resourceType("resourceType", resourceType),
          resourceId,
          ListParameters.sortBy(sortBy, SORT_KEYS, AuthorizationQuery.Sort.ID),
          ListParameters.sortOrder(sortOrder),
          ListParameters.firstResult(firstResult),
          ListParameters.maxResults(maxResults));
    }
  }

  /** Camunda's {@code /authorization/check} parameters. */
  record CheckParameters(
      @Nullable String permissionName,
      @Nullable String resourceName,
      @Nullable Integer resourceType,
      @Nullable String resourceId,
      @Nullable String userId) {}

  /**
   * The parameters of Bulwark's explain: a user, a permission (Bulwark's or Camunda's name), a
   * resource type (Camunda's number or Bulwark's name) and optionally one resource ID.
   */
  record ExplainParameters(
      @Nullable String userId,
      @Nullable String permission,
      @Nullable String resourceType,
      @Nullable String resourceId) {

    @Nullable String typeName() {
      String type = requireName("resourceType", resourceType);
      if (type.chars().allMatch(Character::isDigit) && type.length() < 10) {
        return AuthorizationJson.resourceType("resourceType", Integer.parseInt(type));
      }
      return type;
    }
  }
}

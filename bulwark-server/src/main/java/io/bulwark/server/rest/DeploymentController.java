package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.api.DeploymentDeletion;
import io.bulwark.engine.api.DeploymentQuery;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.api.ResourceData;
import io.bulwark.server.audit.AuditTrail;
import io.bulwark.server.rest.DecisionJson.DefinitionJson;
import io.bulwark.server.rest.EngineJson.DeploymentJson;
import io.bulwark.server.rest.EngineJson.DeploymentWithDefinitionsJson;
import io.bulwark.server.rest.EngineJson.ProcessDefinitionJson;
import io.bulwark.server.rest.EngineJson.ResourceJson;
import io.bulwark.server.rest.IdentityJson.Count;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Camunda 7's deployment resource under {@code /engine-rest/deployment}: create (multipart, as
 * Camunda Modeler sends it), list, count, get, resources, resource data and delete. A deployment
 * and a deletion are appended to the audit log (E6, D4).
 */
@RestController
final class DeploymentController {

  static final String PATH = RestPaths.BASE + "/deployment";

  private static final Map<String, DeploymentQuery.Sort> SORT_KEYS =
      Map.of(
          "id", DeploymentQuery.Sort.ID,
          "name", DeploymentQuery.Sort.NAME,
          "deploymentTime", DeploymentQuery.Sort.DEPLOYMENT_TIME,
          "tenantId", DeploymentQuery.Sort.TENANT_ID);

  private final RepositoryService repository;
  private final AuditTrail audit;

  DeploymentController(BulwarkEngine engine, AuditTrail audit) {
    this.repository = engine.repositoryService();
    this.audit = audit;
  }

  @PostMapping(path = PATH + "/create", consumes = "multipart/form-data")
  DeploymentWithDefinitionsJson create(
      MultipartHttpServletRequest request, Authentication authentication) {
    DeploymentRequest deployment = DeploymentUpload.read(request);
    Principal actor = Principals.of(authentication);
    DeploymentResult result = repository.deploy(actor, deployment);
    if (!result.duplicate()) {
      audit.append(
          actor.userId(),
          "deployment_created",
          result.id(),
          details("name", result.name(), request));
    }
    Map<String, ProcessDefinitionJson> definitions = null;
    // As Camunda: decision definitions only when the deployment has some, else null.
    Map<String, DefinitionJson> decisions = null;
    if (!result.duplicate()) {
      definitions = new LinkedHashMap<>();
      for (var definition : result.processDefinitions()) {
        definitions.put(definition.id(), ProcessDefinitionJson.of(definition));
      }
      for (var decision : result.decisionDefinitions()) {
        if (decisions == null) {
          decisions = new LinkedHashMap<>();
        }
        decisions.put(decision.id(), DefinitionJson.of(decision));
      }
    }
    return new DeploymentWithDefinitionsJson(
        List.of(),
        result.id(),
        result.name(),
        null,
        CamundaDates.format(result.deployedAt()),
        deployment.tenantId(),
        definitions,
        null,
        decisions,
        null);
  }

  @GetMapping(PATH)
  List<DeploymentJson> list(DeploymentFilter filter, Authentication authentication) {
    DeploymentQuery query = filter.toQuery();
    Page<Deployment> page = repository.findDeployments(Principals.of(authentication), query);
    ListParameters.requireComplete(filter.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(DeploymentJson::of).toList();
  }

  @GetMapping(PATH + "/count")
  Count count(DeploymentFilter filter, Authentication authentication) {
    return new Count(
        repository
            .findDeployments(Principals.of(authentication), filter.toQuery().page(0, 1))
            .total());
  }

  @GetMapping(PATH + "/{id}")
  DeploymentJson get(@PathVariable String id, Authentication authentication) {
    return DeploymentJson.of(repository.getDeployment(Principals.of(authentication), id));
  }

  @GetMapping(PATH + "/{id}/resources")
  List<ResourceJson> resources(@PathVariable String id, Authentication authentication) {
    return repository.getDeploymentResources(Principals.of(authentication), id).stream()
        .map(ResourceJson::of)
        .toList();
  }

  @GetMapping(PATH + "/{id}/resources/{resourceId}")
  ResourceJson resource(
      @PathVariable String id, @PathVariable String resourceId, Authentication authentication) {
    ResourceData data =
        repository.getDeploymentResource(Principals.of(authentication), id, resourceId);
    return new ResourceJson(data.id(), data.name(), data.deploymentId());
  }

  /** The bytes as an attachment with a type the server chooses (W12). */
  @GetMapping(PATH + "/{id}/resources/{resourceId}/data")
  ResponseEntity<byte[]> data(
      @PathVariable String id, @PathVariable String resourceId, Authentication authentication) {
    return Downloads.attachment(
        repository.getDeploymentResource(Principals.of(authentication), id, resourceId));
  }

  @DeleteMapping(PATH + "/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String id,
      @RequestParam(required = false) Boolean cascade,
      Authentication authentication,
      HttpServletRequest request) {
    Principal actor = Principals.of(authentication);
    boolean cancel = Boolean.TRUE.equals(cascade);
    repository.deleteDeployment(
        actor,
        id,
        cancel ? DeploymentDeletion.CANCEL_INSTANCES : DeploymentDeletion.REFUSE_WHILE_RUNNING);
    audit.append(
        actor.userId(),
        "deployment_deleted",
        id,
        details("cascade", Boolean.toString(cancel), request));
    return ResponseEntity.noContent().build();
  }

  /** An administrative operation's details for the audit log (E6, D4). */
  private static Map<String, String> details(
      String name, String value, HttpServletRequest request) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put(name, value);
    details.put("client", request.getRemoteAddr());
    return details;
  }

  /** Camunda's deployment query parameters, bound by name from the query string. */
  record DeploymentFilter(
      @Nullable String id,
      @Nullable String name,
      @Nullable String nameLike,
      @Nullable String tenantIdIn,
      @Nullable String sortBy,
      @Nullable String sortOrder,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    DeploymentQuery toQuery() {
      return new DeploymentQuery(
          id,
          name,
          nameLike,
          ListParameters.list(tenantIdIn),
          ListParameters.sortBy(sortBy, SORT_KEYS, DeploymentQuery.Sort.DEPLOYMENT_TIME),
          ListParameters.sortOrder(sortOrder),
          ListParameters.firstResult(firstResult),
          ListParameters.maxResults(maxResults));
    }
  }
}

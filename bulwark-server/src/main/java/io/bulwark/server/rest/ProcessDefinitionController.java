package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DefinitionSuspension;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessDefinitionQuery;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.EngineJson.DiagramJson;
import io.bulwark.server.rest.EngineJson.ProcessDefinitionJson;
import io.bulwark.server.rest.EngineJson.ProcessInstanceJson;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.variable.VariableJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's process definition resource under {@code /engine-rest/process-definition}: list,
 * count, get by id or key (latest, per tenant), the BPMN XML, starting instances, and suspending or
 * activating a definition or a key's versions. A definition the caller may not read is not found
 * (Z2).
 */
@RestController
final class ProcessDefinitionController {

  static final String PATH = RestPaths.BASE + "/process-definition";

  private static final Map<String, ProcessDefinitionQuery.Sort> SORT_KEYS =
      Map.of(
          "id", ProcessDefinitionQuery.Sort.ID,
          "key", ProcessDefinitionQuery.Sort.KEY,
          "name", ProcessDefinitionQuery.Sort.NAME,
          "version", ProcessDefinitionQuery.Sort.VERSION,
          "deploymentId", ProcessDefinitionQuery.Sort.DEPLOYMENT_ID,
          "tenantId", ProcessDefinitionQuery.Sort.TENANT_ID);

  private final RepositoryService repository;
  private final RuntimeService runtime;

  ProcessDefinitionController(BulwarkEngine engine) {
    this.repository = engine.repositoryService();
    this.runtime = engine.runtimeService();
  }

  @GetMapping(PATH)
  List<ProcessDefinitionJson> list(DefinitionFilter filter, Authentication authentication) {
    ProcessDefinitionQuery query = filter.toQuery();
    Page<ProcessDefinition> page =
        repository.findProcessDefinitions(Principals.of(authentication), query);
    ListParameters.requireComplete(filter.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(ProcessDefinitionJson::of).toList();
  }

  @GetMapping(PATH + "/count")
  Count count(DefinitionFilter filter, Authentication authentication) {
    return new Count(
        repository
            .findProcessDefinitions(Principals.of(authentication), filter.toQuery().page(0, 1))
            .total());
  }

  @GetMapping(PATH + "/{id}")
  ProcessDefinitionJson get(@PathVariable String id, Authentication authentication) {
    return ProcessDefinitionJson.of(byId(id, authentication));
  }

  @GetMapping(PATH + "/key/{key}")
  ProcessDefinitionJson getByKey(@PathVariable String key, Authentication authentication) {
    return ProcessDefinitionJson.of(latest(key, null, authentication));
  }

  @GetMapping(PATH + "/key/{key}/tenant-id/{tenantId}")
  ProcessDefinitionJson getByKeyAndTenant(
      @PathVariable String key, @PathVariable String tenantId, Authentication authentication) {
    return ProcessDefinitionJson.of(latest(key, tenantId, authentication));
  }

  @GetMapping(PATH + "/{id}/xml")
  DiagramJson xml(@PathVariable String id, Authentication authentication) {
    return new DiagramJson(
        id,
        new String(
            repository.getProcessDefinitionXml(Principals.of(authentication), id).bytes(),
            StandardCharsets.UTF_8));
  }

  /**
   * The PNG diagram deployed beside the definition's BPMN resource, as an attachment (W12); 204
   * when there is none, as Camunda answers.
   */
  @GetMapping(PATH + "/{id}/diagram")
  ResponseEntity<byte[]> diagram(@PathVariable String id, Authentication authentication) {
    return repository
        .getProcessDiagram(Principals.of(authentication), id)
        .map(Downloads::attachment)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @GetMapping(PATH + "/key/{key}/xml")
  DiagramJson xmlByKey(@PathVariable String key, Authentication authentication) {
    return xml(latest(key, null, authentication).id(), authentication);
  }

  @PostMapping(PATH + "/{id}/start")
  ProcessInstanceJson start(
      @PathVariable String id,
      @RequestBody(required = false) StartJson body,
      Authentication authentication) {
    return start(StartInstanceRequest.byId(id), body, authentication);
  }

  @PostMapping(PATH + "/key/{key}/start")
  ProcessInstanceJson startByKey(
      @PathVariable String key,
      @RequestBody(required = false) StartJson body,
      Authentication authentication) {
    return start(StartInstanceRequest.byKey(key), body, authentication);
  }

  @PostMapping(PATH + "/key/{key}/tenant-id/{tenantId}/start")
  ProcessInstanceJson startByKeyAndTenant(
      @PathVariable String key,
      @PathVariable String tenantId,
      @RequestBody(required = false) StartJson body,
      Authentication authentication) {
    // The engine finds the tenant's latest version itself (remembered per key and tenant, Z3).
    return start(StartInstanceRequest.byKeyAndTenant(key, tenantId), body, authentication);
  }

  @PutMapping(PATH + "/{id}/suspended")
  ResponseEntity<Void> suspend(
      @PathVariable String id,
      @RequestBody DefinitionSuspendedJson body,
      Authentication authentication) {
    repository.setProcessDefinitionSuspension(
        Principals.of(authentication),
        DefinitionSuspension.byId(id, body.required(), body.withInstances()));
    return ResponseEntity.noContent().build();
  }

  @PutMapping(PATH + "/key/{key}/suspended")
  ResponseEntity<Void> suspendByKey(
      @PathVariable String key,
      @RequestBody DefinitionSuspendedJson body,
      Authentication authentication) {
    repository.setProcessDefinitionSuspension(
        Principals.of(authentication),
        DefinitionSuspension.byKey(key, body.required(), body.withInstances()));
    return ResponseEntity.noContent().build();
  }

  private ProcessInstanceJson start(
      StartInstanceRequest target, StartJson body, Authentication authentication) {
    StartJson start = body == null ? new StartJson(null, null, null) : body;
    Map<String, Object> variables = VariableJson.toEngine(start.variables());
    ProcessInstance instance =
        runtime.startProcessInstance(
            Principals.of(authentication),
            target.withBusinessKey(start.businessKey()).withVariables(variables));
    var answered =
        Boolean.TRUE.equals(start.withVariablesInReturn())
            ? VariableJson.toCamunda(
                instance.ended()
                    ? variables
                    : runtime.getVariables(Principals.of(authentication), instance.id()))
            : null;
    return ProcessInstanceJson.started(instance, null, answered);
  }

  private ProcessDefinition byId(String id, Authentication authentication) {
    List<ProcessDefinition> found =
        repository
            .findProcessDefinitions(
                Principals.of(authentication), ProcessDefinitionQuery.all().withId(id).page(0, 1))
            .items();
    if (found.isEmpty()) {
      throw new NotFoundException("process definition " + id + " not found");
    }
    return found.get(0);
  }

  private ProcessDefinition latest(
      String key, @Nullable String tenantId, Authentication authentication) {
    ProcessDefinitionQuery query = ProcessDefinitionQuery.all().latestOf(key).page(0, 2);
    Page<ProcessDefinition> found =
        repository.findProcessDefinitions(
            Principals.of(authentication),
            tenantId == null ? query : query.withTenants(Set.of(tenantId)));
    if (found.items().isEmpty()) {
      throw new NotFoundException("no process definition with key " + key + " found");
    }
    if (found.total() > 1) {
      throw ValidationException.of(
          "key",
          "one-tenant",
          "several tenants deploy key "
              + key
              + "; ask /process-definition/key/{key}/tenant-id/{tenantId}");
    }
    return found.items().get(0);
  }

  /**
   * Camunda's {@code ProcessDefinitionSuspensionStateDto}: {@code suspended} is required; a later
   * {@code executionDate} is not supported (400), the change happens at once.
   */
  record DefinitionSuspendedJson(
      @Nullable Boolean suspended,
      @Nullable Boolean includeProcessInstances,
      @Nullable String executionDate) {

    boolean required() {
      if (executionDate != null) {
        throw ValidationException.of(
            "executionDate",
            "not-supported",
            "executionDate is not supported; the suspension state changes at once");
      }
      if (suspended == null) {
        throw ValidationException.of(
            "suspended", "required", "suspended (true or false) is required");
      }
      return suspended;
    }

    boolean withInstances() {
      return Boolean.TRUE.equals(includeProcessInstances);
    }
  }

  /** Camunda's {@code StartProcessInstanceDto} (the parts Bulwark serves). */
  record StartJson(
      @Nullable Map<String, JsonNode> variables,
      @Nullable String businessKey,
      @Nullable Boolean withVariablesInReturn) {}

  /** Camunda's process definition query parameters, bound by name from the query string. */
  record DefinitionFilter(
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionIdIn,
      @Nullable String key,
      @Nullable String keysIn,
      @Nullable String name,
      @Nullable String nameLike,
      @Nullable Integer version,
      @Nullable Boolean latestVersion,
      @Nullable String deploymentId,
      @Nullable String tenantIdIn,
      @Nullable String sortBy,
      @Nullable String sortOrder,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    ProcessDefinitionQuery toQuery() {
      return new ProcessDefinitionQuery(
          processDefinitionId,
          ListParameters.list(processDefinitionIdIn),
          key,
          ListParameters.list(keysIn),
          name,
          nameLike,
          version,
          Boolean.TRUE.equals(latestVersion),
          deploymentId,
          ListParameters.list(tenantIdIn),
          ListParameters.sortBy(sortBy, SORT_KEYS, ProcessDefinitionQuery.Sort.KEY),
          ListParameters.sortOrder(sortOrder),
          ListParameters.firstResult(firstResult),
          ListParameters.maxResults(maxResults));
    }
  }
}

package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.EngineJson.ActivityInstanceJson;
import io.bulwark.server.rest.EngineJson.ProcessInstanceJson;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's process instance resource under {@code /engine-rest/process-instance}: list and count
 * (query string or POST body), get, delete, and the instance's variables. An instance the caller
 * may not read is not found (Z3).
 */
@RestController
final class ProcessInstanceController {

  static final String PATH = RestPaths.BASE + "/process-instance";

  private static final Map<String, ProcessInstanceQuery.Sort> SORT_KEYS =
      Map.of(
          "instanceId", ProcessInstanceQuery.Sort.ID,
          "startTime", ProcessInstanceQuery.Sort.START_TIME);

  private final RuntimeService runtime;

  ProcessInstanceController(BulwarkEngine engine) {
    this.runtime = engine.runtimeService();
  }

  @GetMapping(PATH)
  List<ProcessInstanceJson> list(InstanceFilter filter, Authentication authentication) {
    return answer(filter, authentication);
  }

  @PostMapping(PATH)
  List<ProcessInstanceJson> query(
      @RequestParam(required = false) Integer firstResult,
      @RequestParam(required = false) Integer maxResults,
      @RequestBody InstanceQueryBody body,
      Authentication authentication) {
    return answer(body.toFilter(firstResult, maxResults), authentication);
  }

  @GetMapping(PATH + "/count")
  Count count(InstanceFilter filter, Authentication authentication) {
    return new Count(
        runtime
            .findProcessInstances(Principals.of(authentication), filter.toQuery().page(0, 1))
            .total());
  }

  @PostMapping(PATH + "/count")
  Count countByBody(@RequestBody InstanceQueryBody body, Authentication authentication) {
    return count(body.toFilter(null, null), authentication);
  }

  @GetMapping(PATH + "/{id}")
  ProcessInstanceJson get(@PathVariable String id, Authentication authentication) {
    List<ProcessInstanceView> found =
        runtime
            .findProcessInstances(
                Principals.of(authentication),
                ProcessInstanceQuery.all().withIds(Set.of(id)).page(0, 1))
            .items();
    if (found.isEmpty()) {
      throw new NotFoundException("process instance " + id + " not found");
    }
    return ProcessInstanceJson.of(found.get(0));
  }

  @DeleteMapping(PATH + "/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String id,
      @RequestParam(required = false) String deleteReason,
      Authentication authentication) {
    runtime.deleteProcessInstance(Principals.of(authentication), id, deleteReason);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(PATH + "/{id}/activity-instances")
  ActivityInstanceJson activityInstances(@PathVariable String id, Authentication authentication) {
    return ActivityInstanceJson.of(runtime.getActivityInstance(Principals.of(authentication), id));
  }

  @PutMapping(PATH + "/{id}/suspended")
  ResponseEntity<Void> suspend(
      @PathVariable String id, @RequestBody SuspendedJson body, Authentication authentication) {
    if (body.suspended() == null) {
      throw ValidationException.of(
          "suspended", "required", "suspended (true or false) is required");
    }
    runtime.setSuspension(
        Principals.of(authentication),
        id,
        body.suspended()
            ? ProcessInstanceQuery.Suspension.SUSPENDED
            : ProcessInstanceQuery.Suspension.ACTIVE);
    return ResponseEntity.noContent().build();
  }

  /** {@code deserializeValues} is taken and ignored: no value is a serialized Java object (E4). */
  @GetMapping(PATH + "/{id}/variables")
  Map<String, VariableValueJson> variables(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable Boolean deserializeValues,
      Authentication authentication) {
    return VariableJson.toCamunda(runtime.getVariables(Principals.of(authentication), id));
  }

  @PostMapping(PATH + "/{id}/variables")
  ResponseEntity<Void> modifyVariables(
      @PathVariable String id, @RequestBody ModificationsJson body, Authentication authentication) {
    Map<String, Object> modifications = VariableJson.toEngine(body.modifications());
    List<String> deletions = body.deletions() == null ? List.of() : body.deletions();
    VariableJson.checkCount(modifications.size() + deletions.size());
    deletions.forEach(VariableJson::checkName);
    runtime.modifyVariables(Principals.of(authentication), id, modifications, deletions);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(PATH + "/{id}/variables/{name}")
  VariableValueJson variable(
      @PathVariable String id,
      @PathVariable String name,
      @RequestParam(required = false) @Nullable Boolean deserializeValue,
      Authentication authentication) {
    VariableJson.checkName(name);
    Map<String, Object> values = runtime.getVariables(Principals.of(authentication), id);
    if (!values.containsKey(name)) {
      throw new NotFoundException("process instance " + id + " has no variable '" + name + "'");
    }
    return VariableJson.valueToCamunda(values.get(name));
  }

  @PutMapping(PATH + "/{id}/variables/{name}")
  ResponseEntity<Void> putVariable(
      @PathVariable String id,
      @PathVariable String name,
      @RequestBody JsonNode body,
      Authentication authentication) {
    Map<String, Object> value = new java.util.LinkedHashMap<>();
    value.put(name, VariableJson.valueToEngine(name, body));
    runtime.modifyVariables(Principals.of(authentication), id, value, List.of());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(PATH + "/{id}/variables/{name}")
  ResponseEntity<Void> deleteVariable(
      @PathVariable String id, @PathVariable String name, Authentication authentication) {
    VariableJson.checkName(name);
    runtime.modifyVariables(Principals.of(authentication), id, Map.of(), List.of(name));
    return ResponseEntity.noContent().build();
  }

  private List<ProcessInstanceJson> answer(InstanceFilter filter, Authentication authentication) {
    ProcessInstanceQuery query = filter.toQuery();
    Page<ProcessInstanceView> page =
        runtime.findProcessInstances(Principals.of(authentication), query);
    ListParameters.requireComplete(filter.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(ProcessInstanceJson::of).toList();
  }

  /**
   * The body of {@code POST /process-instance} and {@code …/count}: the filters of {@link
   * InstanceFilter} with {@code processInstanceIds} as an array and Camunda's {@code sorting} list
   * (one entry is supported).
   */
  record InstanceQueryBody(
      List<String> processInstanceIds,
      @Nullable String businessKey,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable Boolean active,
      @Nullable Boolean suspended,
      List<SortingJson> sorting) {

    InstanceFilter toFilter(@Nullable Integer firstResult, @Nullable Integer maxResults) {
      if (sorting != null && sorting.size() > 1) {
        throw ValidationException.of("sorting", "max-items", "sorting may have one entry");
      }
      if (processInstanceIds != null
          && processInstanceIds.size()
              > io.bulwark.server.rest.variable.VariableJson.MAX_VARIABLES) {
        throw ValidationException.of(
            "processInstanceIds", "max-items", "processInstanceIds may have at most 1000 ids");
      }
      SortingJson sort = sorting == null || sorting.isEmpty() ? null : sorting.get(0);
      return new InstanceFilter(
          processInstanceIds == null ? null : String.join(",", processInstanceIds),
          businessKey,
          processDefinitionId,
          processDefinitionKey,
          active,
          suspended,
          sort == null ? null : sort.sortBy(),
          sort == null ? null : sort.sortOrder(),
          firstResult,
          maxResults);
    }
  }

  /** One entry of Camunda's {@code sorting} list. */
  record SortingJson(@Nullable String sortBy, @Nullable String sortOrder) {}

  /** Camunda's {@code SuspensionStateDto}. */
  record SuspendedJson(@Nullable Boolean suspended) {}

  /** Camunda's {@code PatchVariablesDto}. */
  record ModificationsJson(Map<String, JsonNode> modifications, List<String> deletions) {}

  /**
   * Camunda's process instance query, from the query string ({@code processInstanceIds}
   * comma-separated) or a POST body; {@code active} and {@code suspended} select one state.
   */
  record InstanceFilter(
      @Nullable String processInstanceIds,
      @Nullable String businessKey,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable Boolean active,
      @Nullable Boolean suspended,
      @Nullable String sortBy,
      @Nullable String sortOrder,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    ProcessInstanceQuery toQuery() {
      if (Boolean.TRUE.equals(active) && Boolean.TRUE.equals(suspended)) {
        throw ValidationException.of(
            "suspended", "exclusive", "active and suspended cannot both be true");
      }
      ProcessInstanceQuery.Suspension state =
          Boolean.TRUE.equals(active)
              ? ProcessInstanceQuery.Suspension.ACTIVE
              : Boolean.TRUE.equals(suspended) ? ProcessInstanceQuery.Suspension.SUSPENDED : null;
      return new ProcessInstanceQuery(
          processDefinitionKey,
          processDefinitionId,
          businessKey,
          ListParameters.list(processInstanceIds),
          state,
          null,
          ListParameters.sortBy(sortBy, SORT_KEYS, ProcessInstanceQuery.Sort.START_TIME),
          ListParameters.sortOrder(sortOrder),
          ListParameters.firstResult(firstResult),
          ListParameters.maxResults(maxResults));
    }
  }
}
